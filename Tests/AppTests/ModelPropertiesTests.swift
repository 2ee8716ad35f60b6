import Fluent
import Testing

@testable import App

/// The models that name their properties instead of letting Fluent reflect them (`ModelProperties.swift`)
/// name every one: the same property objects, in the same order, as reflection finds. A property added to a
/// model and not to its list would otherwise be neither saved nor loaded.
@Suite("Model properties")
struct ModelPropertiesTests {
    static let models: [any Model.Type] = [
        Plan.self, PlanTask.self, TaskAgency.self, TaskOutput.self, RegimeRecord.self, Obligation.self,
        Submission.self, SubmissionEvent.self, Indicator.self, TaskIndicator.self, Agency.self, AuditEntry.self,
    ]

    @Test("Each model's named properties are exactly what reflection finds", arguments: 0..<models.count)
    func namedAsReflected(index: Int) {
        func identities(_ list: [any AnyProperty]) -> [ObjectIdentifier] {
            list.map { ObjectIdentifier($0 as AnyObject) }
        }
        func check<M: Model>(_: M.Type) {
            let model = M()
            let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }
            #expect(!reflected.isEmpty)
            #expect(identities(model.properties) == identities(reflected), "\(M.self)")
        }
        check(Self.models[index])
    }
}
