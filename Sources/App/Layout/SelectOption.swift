/// One `<option>` of a `<select>` on any page: the value sent, the label shown, and whether it is chosen.
struct SelectOption: Encodable, Sendable {
    let value: String
    let label: String
    let selected: Bool
}
