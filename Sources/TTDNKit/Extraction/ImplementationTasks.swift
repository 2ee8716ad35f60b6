import Foundation

/// *Tổ chức thực hiện* as work. Each responsibility with duties becomes a task of the agencies it charges,
/// under the part and item it comes from (`IV.1`; `IV.2.a`, `IV.2.b` when several labelled bullets share
/// item 2), with the plan's year as its timeframe: the agencies see it among their tasks and owe reports on
/// it, which for many plans is the only place that says what an agency must do. A responsibility without
/// duties (a heading such as `Các phòng thuộc Sở` whose units follow) gives no task: there is nothing to do.
///
/// The task's title is the first sentence of the duties (with a capital) and its content the rest, as written.
public enum ImplementationTasks {
    public static func tasks(for plan: PlanDocument) -> [PlanTask] {
        var used = Set(plan.tasks.map(\.ref))
        var next: [String: Int] = [:]
        var out: [PlanTask] = []
        let timeframe = plan.year.map { Timeframe(text: String($0), kind: .year, year: $0) }
        let charged = plan.responsibilities.filter { !$0.agencies.isEmpty && !$0.duties.isEmpty }
        let shared = Dictionary(charged.map { ($0.ref, 1) }, uniquingKeysWith: +).filter { $0.value > 1 }
        for responsibility in charged {
            var ref = responsibility.ref
            while used.contains(ref) || shared[responsibility.ref] != nil && ref == responsibility.ref {
                let n = next[responsibility.ref, default: 0]
                next[responsibility.ref] = n + 1
                ref = responsibility.ref + "." + letter(n)
            }
            used.insert(ref)
            var (title, rest) = TaskBuilder.titleAndRest(responsibility.duties[0])
            // After a label (`- Sở Y tế: tuyên truyền …`) the duty goes on in lower case; as a title it starts
            // a sentence.
            if let first = title.first, first.isLowercase { title = first.uppercased() + title.dropFirst() }
            var task = PlanTask(ref: ref, title: title, lead: responsibility.agencies, timeframe: timeframe)
            task.content = (rest.isEmpty ? [] : [rest]) + responsibility.duties.dropFirst()
            out.append(task)
        }
        return out
    }

    /// `a` … `z`, then `aa`, `ab` …: letters as a plan numbers sub-items.
    static func letter(_ n: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return n < 26 ? String(letters[n]) : letter(n / 26 - 1) + String(letters[n % 26])
    }
}
