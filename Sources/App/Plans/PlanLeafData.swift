import LeafKit

// The plan page's rows as Leaf sees them, built directly rather than through `Encodable`: Leaf's encoder
// takes this shortcut for any `LeafDataRepresentable` value, and a 100-task page has several hundred of
// them. Only the keys the templates read are here, and every value is the type the templates need:
//
// - numbers shown as text are strings already: Leaf 4 turns an `Int` into text (and a string, array or
//   dictionary into a truth value for `#if`) through a conversion table it rebuilds on every use;
// - so the templates test presence with `!= nil` (a plain comparison) or test a `Bool`, never a bare
//   `#if(text)`.
//
// Text stays text: Leaf escapes every value when it prints it.

extension PlanTableRow: LeafDataRepresentable {
    /// Read by `plans/_task-table` and `plans/my-tasks`.
    var leafData: LeafData {
        var data: [String: LeafData] = [
            "anchor": .string(anchor), "ref": .string(ref), "title": .string(title), "status": .string(status),
            "statusLabel": .string(statusLabel), "depth": .string(String(depth)),
            "progress": .string(String(progress)), "lead": .array(lead.map(\.leafData)),
            "support": .array(support.map(\.leafData)), "hasLead": .bool(!lead.isEmpty),
            "hasSupport": .bool(!support.isEmpty),
        ]
        data["outputs"] = outputs.map { .array($0.map(LeafData.string)) }
        data["textStart"] = textStart.map(LeafData.string)
        data["textWhole"] = textWhole.map { .array($0.map(LeafData.string)) }
        data["editHref"] = editHref.map(LeafData.string)
        data["timeframe"] = timeframe.map(LeafData.string)
        data["timeframeKind"] = timeframeKind.map(LeafData.string)
        data["due"] = milestone.map { .string($0.date) }
        data["dueLabel"] = milestone?.label.map(LeafData.string)
        data["role"] = role.map(LeafData.string)
        data["via"] = via.map(LeafData.string)
        data["planTitle"] = planTitle.map(LeafData.string)
        data["planHref"] = planHref.map(LeafData.string)
        if let actions {
            data["href"] = .string(actions.href)
            data["addHref"] = .string(actions.addHref)
            data["up"] = actions.upLabel.map { _ in .string("up:\(actions.version)") }
            data["upLabel"] = actions.upLabel.map(LeafData.string)
            data["down"] = actions.downLabel.map { _ in .string("down:\(actions.version)") }
            data["downLabel"] = actions.downLabel.map(LeafData.string)
        }
        return .dictionary(data)
    }
}

extension PlanAgencyNames.Named: LeafDataRepresentable {
    /// Read by `plans/_agency`.
    var leafData: LeafData {
        var data: [String: LeafData] = ["name": .string(name), "unresolved": .bool(unresolved)]
        data["wording"] = wording.map(LeafData.string)
        data["href"] = href.map(LeafData.string)
        return .dictionary(data)
    }
}
