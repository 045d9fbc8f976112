import KonaplateSpecs

/// How a reason says who breaks and how, in the same words everywhere: a request is refused by the new server; a
/// response is refused by the deployed client, under its default `.strict` validation (the call throws
/// `responseInvalid`), while a `.reportOnly` client accepts it and lists the violation.
enum DiffWording {
    /// The answer breaks a documented constraint the deployed client checks.
    static func responseRefused(_ what: String) -> String {
        "the server may now send \(what); a deployed client with the default `.strict` validation refuses the answer "
            + "(`responseInvalid`), a `.reportOnly` one accepts it and lists the violation"
    }

    /// A member the deployed client requires may be missing from the answer.
    static func responseMissing(_ field: FieldSpec, _ situation: String) -> String {
        switch Requirement(field) {
        case .when:
            "the server may leave it out \(situation); "
                + "a deployed client with the default `.strict` validation refuses the answer "
                + "(`responseInvalid`: required there), a `.reportOnly` one accepts it and lists the violation"
        default:
            "the server may leave it out \(situation); deployed clients fail to decode the answer (`decodingFailed`: a required member is missing)"
        }
    }

    static func typeChanged(_ old: String, _ new: String, _ side: DiffSide) -> String {
        side == .request
            ? "deployed clients send a \(old), which the server no longer decodes: it refuses the request"
            : "the server sends a \(new), which deployed clients fail to decode (`decodingFailed`)"
    }

    static func shapeChanged(_ side: DiffSide) -> String {
        side == .request
            ? "deployed clients send the old shape, which the server no longer decodes"
            : "deployed clients fail to decode the new shape"
    }

    /// Why a constraint's change breaks, or not. `sent`: what the side that sends may send (the old values for a
    /// request, the new ones for a response).
    static func because(_ change: ConstraintChange, _ side: DiffSide, _ sent: String) -> String {
        switch (change, side) {
        case (.narrower, .request), (.different, .request):
            ": deployed clients may still send \(sent), which the server now refuses"
        case (.wider, .response), (.different, .response):
            ": " + responseRefused(sent)
        case (.wider, .request):
            ": the server accepts everything deployed clients send"
        case (.narrower, .response):
            ": deployed clients accept everything the server now sends"
        }
    }
}
