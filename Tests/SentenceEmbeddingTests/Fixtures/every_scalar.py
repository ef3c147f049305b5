"""Writes the reference tokenizer's ids for every Unicode scalar, and for random mixtures, to check the Swift one.

Each scalar c is tokenized inside a word ("a" + c + "b"), which shows whether the Rust tokenizer deletes it, splits
on it, isolates it as punctuation, strips it as an accent or keeps it; 60,000 random strings add combinations
(marks after letters, special tokens, CJK next to Latin, emoji sequences). About 1.17 million lines and 20 MB, so
it is generated rather than committed. Run (same venv as make_reference.py), then the opt-in Swift test:

    /tmp/st/bin/python Tests/SentenceEmbeddingTests/Fixtures/every_scalar.py .models/all-MiniLM-L6-v2 /tmp/every.tsv
    TOKENIZER_EXHAUSTIVE_FILE=/tmp/every.tsv swift test --filter everyScalarMatchesReference

Line format: the text's scalars in hexadecimal, a tab, the token ids.
"""

import random
import sys

from tokenizers import Tokenizer


def texts():
    for value in range(0x110000):
        if not 0xD800 <= value <= 0xDFFF:
            yield "a" + chr(value) + "b"
    ranges = [(0x20, 0x7F), (0xA0, 0x460), (0x900, 0x980), (0x600, 0x660), (0x2010, 0x2030), (0x20A0, 0x20C0),
              (0x2160, 0x2180), (0x3040, 0x3060), (0x4E00, 0x4E20), (0xAC00, 0xAC10), (0xF900, 0xF910),
              (0xFF01, 0xFF60), (0x1D400, 0x1D420), (0x1F600, 0x1F650)]
    pool = [chr(value) for low, high in ranges for value in range(low, high)]
    pool += [chr(value) for value in (0x0, 0x7, 0x9, 0xA, 0xB, 0xD, 0x85, 0xAD, 0x130, 0x131, 0x1C5, 0x37E, 0x387,
                                      0x1FEF, 0x200B, 0x200D, 0x2126, 0x212A, 0xFB01, 0xFE0F, 0xFEFF, 0xFFFD, 0xE000,
                                      0x1F3FB, 0x2B81F, 0x2B820, 0x2B920, 0xE0041, 0x10FFFF)]
    pool += [" "] * 40 + ["e\u0301", "[CLS]", "[SEP]", "[MASK]", "[PAD]", "[UNK]", "[", "]", "##", "'s"]
    rng = random.Random(7)
    for _ in range(60_000):
        yield "".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))


def main() -> None:
    tokenizer = Tokenizer.from_file(sys.argv[1] + "/tokenizer.json")
    tokenizer.no_truncation()
    tokenizer.no_padding()
    batch = list(texts())
    with open(sys.argv[2], "w", encoding="utf-8") as file:
        for text, encoding in zip(batch, tokenizer.encode_batch(batch)):
            file.write(" ".join("%x" % ord(c) for c in text) + "\t" + " ".join(map(str, encoding.ids)) + "\n")
    print(f"wrote {len(batch)} lines to {sys.argv[2]}")


if __name__ == "__main__":
    main()
