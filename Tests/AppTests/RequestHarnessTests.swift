import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// The fuzz target's entry point (`Fuzz/HTTPFuzz`, `scripts/fuzz-http`) in the ordinary test run: the application
/// started as the fuzzer starts it answers the probes and a few thousand generated requests, from every
/// visitor, with a page or a refusal.
@Suite struct RequestHarnessTests {
    static func input(visitor: UInt8, method: UInt8, target: String, headers: [String] = [], body: [UInt8] = [])
        -> [UInt8]
    {
        [visitor, method] + Array(target.utf8) + [0x0A] + headers.flatMap { Array($0.utf8) + [0x0A] } + [0x0A] + body
    }

    @Test func theApplicationAnswersArbitraryRequestsFromEveryVisitor() async throws {
        let harness = try await RequestHarness.start()
        #expect(harness.visitors == 1 + DemoSeed.people.count, "every demo user signed in")
        // A signed-in visitor reaches pages an anonymous one is sent away from.
        let plansAsCoordinator = await harness.respond(toFuzz: Self.input(visitor: 2, method: 0, target: "/app/plans"))
        let plansAnonymous = await harness.respond(toFuzz: Self.input(visitor: 0, method: 0, target: "/app/plans"))
        #expect(plansAsCoordinator == 200 && plansAnonymous == 303)

        var inputs: [[UInt8]] = [
            Self.input(visitor: 0, method: 0, target: "/css/../x"), Self.input(visitor: 0, method: 0, target: "/%ff"),
            Self.input(visitor: 2, method: 0, target: "/app/holidays?year=1"),
            Self.input(visitor: 2, method: 0, target: "/app/holidays?year=99999999999999999999"),
            Self.input(
                visitor: 3, method: 1, target: "/app/agencies",
                headers: ["Content-Type: application/x-www-form-urlencoded"], body: Array("name=%ff&version=-1".utf8)),
            Self.input(visitor: 0, method: 1, target: "/app/plans/import", headers: ["Content-Length: 999999999"]),
        ]
        // Generated requests: every visitor and method against routes and mangled paths, with random bytes.
        var generator = SplitMix64(seed: 0x7474_646E)  // the same inputs on every run
        let targets = [
            "/", "/login", "/app", "/app/plans", "/app/reports", "/app/agencies", "/app/groups", "/app/users",
            "/app/audit", "/app/holidays", "/app/indicators", "/app/notifications", "/app/my-tasks",
            "/app/legal-documents", "/app/plans/import", "/calendar/x.ics", "/healthz", "/app/account/password",
        ]
        for _ in 0..<1500 {
            var target = targets.randomElement(using: &generator) ?? "/"
            let noise = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: target += "/" + noise.map { String(format: "%%%02x", $0) }.joined()
            case 1:
                target +=
                    "?year=\(Int.random(in: Int.min...Int.max, using: &generator))&period="
                    + String(decoding: noise, as: UTF8.self)
            case 2:
                target +=
                    "/" + UUID().uuidString + "/" + ["edit", "merge", "review", "move", "remove"].randomElement(
                        using: &generator)!
            default: break
            }
            inputs.append(
                Self.input(
                    visitor: UInt8.random(in: 0...255, using: &generator),
                    method: UInt8.random(in: 0...6, using: &generator),
                    target: target, headers: ["Content-Type: application/x-www-form-urlencoded"],
                    body: Array("version=\(Int.random(in: Int.min...Int.max, using: &generator))&".utf8) + noise))
        }
        for input in inputs {
            let status = await harness.respond(toFuzz: input)
            let shown = String(decoding: input.prefix(120), as: UTF8.self)
            #expect(status != nil, "no answer to \(shown.debugDescription)")
            #expect((status ?? 500) < 500, "\(status ?? 0) for \(shown.debugDescription)")
        }
        #expect(await harness.respond(toFuzz: Self.input(visitor: 0, method: 0, target: "/healthz")) == 200)
        try await harness.shutdown()
    }
}
