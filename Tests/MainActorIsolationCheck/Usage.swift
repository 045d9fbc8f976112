import Foundation
import KonaplateRuntime

/// Uses the generated types from a nonisolated context: this only compiles if the generated declarations are
/// nonisolated and their conformances are not isolated to the main actor.
nonisolated func useGeneratedCodeOffTheMainActor() async throws {
    let request = BankAccountsInfo.Request(userId: 1)
    try request.validate()
    _ = try JSONEncoder().encode(request)
    _ = BankAccountsInfo.path
}
