import Foundation

/// Wall-clock durations of the turn's stages, for the debug view only (never used in decisions).
struct StageTimer: Sendable {
    private var last = ContinuousClock.now
    private(set) var timings: [TraceTiming] = []

    mutating func mark(_ stage: String) {
        let now = ContinuousClock.now
        let elapsed = now - last
        timings.append(TraceTiming(stage: stage, milliseconds: elapsed.milliseconds.rounded()))
        last = now
    }
}
