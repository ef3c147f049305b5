# Shared by script/bench, script/drill-*, script/fuzz-http (source it): building concierge and a throw-away work
# directory that is always removed. The Python helpers next to this file start and stop every server themselves
# (bench/harness.py: own process groups, SIGKILL at exit, whatever happens).
#
# CONCIERGE_SWIFT_FLAGS adds flags to `swift build` (e.g. "--scratch-path .build-drill"); CONCIERGE_BUILD=release
# builds and runs the release configuration (script/bench always does).

build_concierge() {
    local configuration=${1:-${CONCIERGE_BUILD:-debug}} product=${2:-concierge} flags
    read -r -a flags <<< "${CONCIERGE_SWIFT_FLAGS:-}"
    if ! swift build -c "$configuration" --product "$product" "${flags[@]}" >"$work/build-$product.log" 2>&1; then
        tail -n 30 "$work/build-$product.log" >&2
        echo "$(basename "$0"): swift build failed" >&2
        return 1
    fi
    echo "$(swift build -c "$configuration" --show-bin-path "${flags[@]}")/$product"
}

make_work_dir() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/concierge-$(basename "$0").XXXXXX")
    trap 'rm -rf "$work"' EXIT
    trap 'exit 130' INT TERM
}
