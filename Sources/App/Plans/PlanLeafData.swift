import LeafKit

// Agencies as Leaf sees them (the plan page's list of responsibilities), built directly rather than
// through `Encodable`: Leaf's encoder takes this shortcut for any `LeafDataRepresentable` value. The task
// rows themselves are HTML already (`PlanTableHTML`). Text stays text: Leaf escapes it when it prints it.

extension PlanAgencyNames.Named: LeafDataRepresentable {
    /// Read by `plans/_agency`.
    var leafData: LeafData {
        var data: [String: LeafData] = ["name": .string(name), "unresolved": .bool(unresolved)]
        data["wording"] = wording.map(LeafData.string)
        data["href"] = href.map(LeafData.string)
        return .dictionary(data)
    }
}
