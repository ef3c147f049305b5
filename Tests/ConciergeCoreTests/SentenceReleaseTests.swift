@testable import ConciergeCore
import Testing

/// What leaves the streaming buffer for the guard: whole sentences only.
@Suite("Sentence release")
struct SentenceReleaseTests {
    @Test("a placeholder cut anywhere stays in the buffer until its sentence ends")
    func placeholders() {
        let answer = "Your order <ORDER_ID_1> is on its way. It arrives at 16:30! Ask <NAME_1>? Fine."
        for cut in 1..<answer.count {
            var release = SentenceRelease()
            let cutAt = answer.index(answer.startIndex, offsetBy: cut)
            var out = [release.append(String(answer[..<cutAt])), release.append(String(answer[cutAt...]))]
                .compactMap { $0 }
            out.append(release.pending)
            for piece in out.dropLast() {
                #expect(piece.last?.isWhitespace == true, "cut \(cut): \(piece)")
                #expect(piece.filter { $0 == "<" }.count == piece.filter { $0 == ">" }.count, "cut \(cut): \(piece)")
            }
            #expect(out.joined() == answer)
            #expect(release.pending == "Fine.", "the last sentence waits for the whole-answer check")
        }
    }

    @Test("decimals, times and codes are not sentence ends; line breaks are")
    func boundaries() {
        var release = SentenceRelease()
        #expect(release.append("Espresso costs £2.20 and WARM15 gives 15% off") == nil)
        #expect(release.append(".\nNext step: ") == "Espresso costs £2.20 and WARM15 gives 15% off.\n")
        #expect(release.pending == "Next step: ")
    }
}
