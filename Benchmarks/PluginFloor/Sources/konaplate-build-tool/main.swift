import Foundation

// The floor's tool: the arguments konaplate-build-tool takes (specs folder, output folder, module name), no YAML, one
// trivial file per spec and the endpoint list, each written only when its bytes change, as the real tool writes.
let arguments = CommandLine.arguments
let (specs, output) = (arguments[1], arguments[2])
let enumerator = FileManager.default.enumerator(atPath: specs)
var names: [String] = []
while let path = enumerator?.nextObject() as? String {
    if path.hasSuffix(".yaml") { names.append(path) }
}
try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
for (index, path) in names.sorted().enumerated() {
    let name = path.replacingOccurrences(of: "/", with: ".").replacingOccurrences(of: ".yaml", with: ".swift")
    let type = "E\(index)"
    let text = "public enum \(type) {}\n"
    let file = output + "/" + name
    if (try? String(contentsOfFile: file, encoding: .utf8)) != text {
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
}
let list = output + "/EndpointCatalogue.swift"
if !FileManager.default.fileExists(atPath: list) {
    try "// list\n".write(toFile: list, atomically: true, encoding: .utf8)
}
