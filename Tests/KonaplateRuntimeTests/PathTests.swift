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

    /// Elements are checked in validators of their own and their findings moved under the element's path: the
    /// result must be what walking the elements with their full paths gives (the way nested objects are walked),
    /// for arrays inside elements, null elements, a rule at an element's root and a missing value whose
    /// placeholder is not checked again.
    @Test func elementFindingsAreThoseOfWalkingWithFullPaths() {
        struct Card: KonaplateValidatable {
            var id: String?
            var par: String?
            var cardNo: String?
            func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                if id == nil { validator.reportMissing(path + "id", "required because the test says so") }
                validator.check(id ?? "", at: path + "id", length: .exactly(4))
                validator.check(exactlyOne: [("par", par != nil), ("cardNo", cardNo != nil)], at: path)
                validator.check(cardNo, at: path + "cardNo", length: .atMost(2))
            }
        }
        struct Group: KonaplateValidatable {
            var name: String
            var cards: [Card]
            var walksWithFullPaths: Bool
            func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                validator.check(name, at: path + "name", length: .between(1, 3))
                if walksWithFullPaths {
                    for (index, card) in cards.enumerated() {
                        card.collectViolations(into: &validator, at: (path + "cards")[index].joined)
                    }
                } else {
                    validator.check(cards, at: path + "cards")
                }
            }
        }
        struct Outer: KonaplateValidatable {
            var groups: [Group?]
            var walksWithFullPaths: Bool
            func collectViolations(into validator: inout KonaplateValidator, at path: KonaplatePath) {
                if walksWithFullPaths {
                    for (index, group) in groups.enumerated() {
                        group?.collectViolations(into: &validator, at: (path + "groups")[index].joined)
                    }
                } else {
                    validator.check(groups, at: path + "groups")
                }
            }
        }
        func outer(_ fullPaths: Bool) -> Outer {
            let cards = [
                Card(id: "abcd", par: "p", cardNo: nil), Card(id: nil, par: nil, cardNo: "123"),
                Card(id: "abc", par: "p", cardNo: "1"),
            ]
            return Outer(
                groups: [
                    Group(name: "ok", cards: cards, walksWithFullPaths: fullPaths), nil,
                    Group(name: "too long", cards: [], walksWithFullPaths: fullPaths),
                    Group(name: "g", cards: Array(cards.reversed()), walksWithFullPaths: fullPaths),
                ], walksWithFullPaths: fullPaths)
        }
        let adopted = outer(false).violations.map(\.description)
        #expect(adopted == outer(true).violations.map(\.description))
        #expect(adopted.contains("groups[0].cards[1].id: required because the test says so"))
        #expect(!adopted.contains { $0.hasPrefix("groups[0].cards[1].id: length") })
        #expect(
            adopted.contains("groups[3].cards[0]: exactly one of par, cardNo must be present; found par and cardNo"))
        #expect(adopted.contains("groups[2].name: length 8, expected 1...3"))
    }
}
