import Testing

@_spi(Generated) @testable import KonaplateRuntime

/// `KonaplatePath` keeps the enclosing path's text and its own segment apart until the text is read; whatever way a
/// path was built, its text and its equality must be those of the dotted path.
struct PathTests {
    @Test func theTextIsTheDottedPath() {
        let list = KonaplatePath.root + "issuedCardList"
        #expect(KonaplatePath.root.description == "")
        #expect(list.description == "issuedCardList")
        #expect(list[3].description == "issuedCardList[3]")
        #expect((list[3].joined + "digital").description == "issuedCardList[3].digital")
        #expect(((list[3].joined + "digital").joined + "cardNo").description == "issuedCardList[3].digital.cardNo")
        #expect((list[3] + "status").description == "issuedCardList[3].status")
        #expect((KonaplatePath.root + "한글")[12].description == "한글[12]")
    }

    @Test func pathsWithTheSameTextAreEqual() {
        let joined = (KonaplatePath.root + "a").joined + "b"
        let unjoined = KonaplatePath.root + "a" + "b"
        #expect(joined == unjoined)
        #expect(joined.hashValue == unjoined.hashValue)
        #expect(Set([joined, unjoined]).count == 1)
        #expect(joined != KonaplatePath.root + "a.c")
    }

    @Test func violationsInsideArraysNameTheElement() {
        struct Item: KonaplateValidatable {
            var name: String
            func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                validator.check(name, at: path + "name", length: .between(1, 3))
            }
        }
        struct Wrapper: KonaplateValidatable {
            var items: [Item]
            func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                validator.check(items, at: path + "items")
            }
        }
        let value = Wrapper(items: [Item(name: "ok"), Item(name: "toolong")])
        #expect(value.violations.map(\.description) == ["items[1].name: length 7, expected 1...3"])
    }
}
