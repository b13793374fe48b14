#!/bin/sh
# report.sh -- writes bench/RESULTS.md (on stdout) from the lines bench/run.sh collected:
#   report.sh RESULTS_TSV STARTUP_TSV TRIDENT RUNS
# TSV rows: bench, mode, status (ok|fails|wrong|timeout|missing), best seconds, max RSS kB,
# detail. Speed-up = CPython's time / the mode's time, so above 1 means faster than CPython.

TSV=$1
STARTUP=$2
T=$3
RUNS=$4

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
[ -n "$cpu" ] || cpu=$(lscpu 2>/dev/null | awk -F': *' '/Model name/ { print $2; exit }')
rev=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
git diff --quiet HEAD 2>/dev/null || rev="$rev, with uncommitted changes"
pypy=$(command -v pypy3 >/dev/null 2>&1 && pypy3 --version 2>&1 | tr '\n' ' ' | sed 's/ *$//')

cat <<EOF
# trident benchmarks

Written by \`make bench\` (bench/run.sh) on $(date -u '+%Y-%m-%d %H:%M UTC'). Each program of
\`bench/py/\` runs with its default size through \`trident bench\`: best wall-clock time of $RUNS
runs per mode, peak memory = the largest max RSS of those runs (\`wait4\`), and every mode's output
compared byte for byte with CPython's. **Speed-up** = CPython's time / the mode's time: above 1
is faster than CPython. The C references (\`bench/c/\`, \`gcc -O2 -ffp-contract=off\`) exist for
the numeric programs only. Chart: [results.svg](results.svg).

## Machine and versions

- CPU: ${cpu:-unknown}, $(nproc) cores; kernel: $(uname -sr)
- trident: $("$T" --version 2>&1) (git $rev)
- CPython: $(/usr/bin/python3 --version 2>&1) (/usr/bin/python3)
- PyPy: ${pypy:-not installed}
- C compiler: $(gcc --version 2>/dev/null | head -n 1)

EOF

awk -F'\t' -v startup="$STARTUP" '
function fmt_x(v) { return v >= 10 ? sprintf("%.0fx", v) : sprintf("%.2fx", v) }
function cell_speed(b, m) {
    if (st[b, m] == "") return ""
    if (st[b, m] != "ok") return st[b, m] == "wrong" ? "**wrong output**" : st[b, m]
    if (!((b, "CPython") in st) || st[b, "CPython"] != "ok") return "?"
    return fmt_x(secs[b, "CPython"] / secs[b, m])
}
function cell_time(b, m) {
    if (st[b, m] == "") return ""
    return st[b, m] == "ok" ? sprintf("%.3f", secs[b, m]) : st[b, m]
}
function cell_rss(b, m) {
    if (st[b, m] != "ok") return ""
    return sprintf("%.1f", rss[b, m] / 1024)
}
function header(first,   j, s, r) {
    s = "| " first; r = "|---"
    for (j = 1; j <= nm; j++) { s = s " | " modes[j]; r = r "|---:" }
    print s " |"; print r "|"
}
{
    b = $1; m = $2
    if (!(b in seenb)) { seenb[b] = 1; benches[++nb] = b }
    if (!(m in seenm)) { seenm[m] = 1; modes[++nm] = m }
    d = $6; gsub(/\|/, "\\|", d); gsub(/`/, "\047", d)
    st[b, m] = $3; secs[b, m] = $4 + 0; rss[b, m] = $5 + 0; det[b, m] = d
}
END {
    print "## Speed-up against CPython"
    print ""
    header("benchmark")
    for (i = 1; i <= nb; i++) {
        b = benches[i]; s = "| " b
        for (j = 1; j <= nm; j++) s = s " | " cell_speed(b, modes[j])
        print s " |"
    }
    # geometric means over the programs that both the mode and CPython ran correctly
    s = "| **geometric mean** "
    for (j = 1; j <= nm; j++) {
        m = modes[j]; n = 0; sum = 0
        for (i = 1; i <= nb; i++) {
            b = benches[i]
            if (st[b, m] == "ok" && st[b, "CPython"] == "ok") {
                n++; sum += log(secs[b, "CPython"] / secs[b, m])
            }
        }
        geo[m] = n ? exp(sum / n) : 0; geon[m] = n
        s = s "| " (n ? "**" fmt_x(geo[m]) "** (" n " of " nb ")" : "-") " "
    }
    print s "|"
    print ""
    print "## Times (seconds, best run)"
    print ""
    header("benchmark")
    for (i = 1; i <= nb; i++) {
        b = benches[i]; s = "| " b
        for (j = 1; j <= nm; j++) s = s " | " cell_time(b, modes[j])
        print s " |"
    }
    print ""
    print "## Peak memory (max RSS, MB)"
    print ""
    header("benchmark")
    for (i = 1; i <= nb; i++) {
        b = benches[i]; s = "| " b
        for (j = 1; j <= nm; j++) s = s " | " cell_rss(b, modes[j])
        print s " |"
    }
    print ""
    print "## Runs that did not give the right output"
    print ""
    nf = 0
    for (i = 1; i <= nb; i++)
        for (j = 1; j <= nm; j++) {
            b = benches[i]; m = modes[j]
            if (st[b, m] != "" && st[b, m] != "ok") {
                nf++
                printf "- %s, %s: %s: `%s`\n", b, m, st[b, m], det[b, m]
            }
        }
    if (!nf) print "None: every mode printed what CPython prints."
    print ""

    # start-up
    ns = 0
    while ((getline line < startup) > 0) {
        split(line, f, "\t")
        if (f[3] == "ok") { ns++; sm[ns] = f[2]; ss[ns] = f[4]; sr[ns] = f[5] }
        else { ns++; sm[ns] = f[2]; ss[ns] = -1; sd[ns] = f[3] ": " f[6] }
        if (f[2] == "python3 -c pass" && f[3] == "ok") pass_t = f[4]
        if (f[2] == "trident interp" && f[3] == "ok") hello_t = f[4]
    }
    print "## Start-up (best of 20 runs)"
    print ""
    print "| program | time (ms) | max RSS (MB) |"
    print "|---|---:|---:|"
    for (k = 1; k <= ns; k++) {
        what = sm[k] == "python3 -c pass" ? "`python3 -c pass`" : "hello world, " sm[k]
        if (ss[k] < 0) printf "| %s | %s | |\n", what, sd[k]
        else printf "| %s | %.1f | %.1f |\n", what, ss[k] * 1000, sr[k] / 1024
    }
    print ""

    # the goals of issue 5, for the interpreter
    m = "trident interp"
    print "## Issue 5 goals (interpreter mode)"
    print ""
    slower = ""; nslow = 0; fat = ""; nfat = 0; bad = ""
    for (i = 1; i <= nb; i++) {
        b = benches[i]
        if (st[b, m] != "ok") { bad = bad (bad ? ", " : "") b; continue }
        if (st[b, "CPython"] != "ok") continue
        if (secs[b, m] > secs[b, "CPython"]) {
            nslow++
            slower = slower (slower ? ", " : "") b " " fmt_x(secs[b, "CPython"] / secs[b, m])
        }
        if (rss[b, m] > rss[b, "CPython"]) {
            nfat++
            fat = fat (fat ? ", " : "") sprintf("%s %.1f vs %.1f MB", b, rss[b, m] / 1024, \
                rss[b, "CPython"] / 1024)
        }
    }
    printf "- runs every benchmark correctly: %s\n", bad ? "**no** (not: " bad ")" : "yes"
    printf "- at least as fast as CPython on every benchmark: %s\n", \
        nslow || bad ? "**no** (slower on " nslow (slower ? ": " slower : "") ")" : "yes"
    ok = (geo[m] >= 1.5 && !bad) ? "yes" : "**no**"
    printf "- at least 1.5x faster in geometric mean: %s (%s over %d programs)\n", \
        ok, fmt_x(geo[m]), geon[m]
    if (hello_t != "" && pass_t != "") {
        ok = (hello_t + 0 <= pass_t + 0) ? "yes" : "**no**"
        printf "- start-up of hello world at most `python3 -c pass`: %s (%.1f ms vs %.1f ms)\n", \
            ok, hello_t * 1000, pass_t * 1000
    }
    printf "- peak memory at most CPython\047s on every benchmark: %s\n", \
        nfat ? "**no** (more on " nfat ": " fat ")" : "yes"
    print ""

    # the goals of issue 6, for AOT executables
    m = "trident aot"
    if (m in seenm) {
        print "## Issue 6 goals (AOT executables)"
        print ""
        print "| benchmark | aot vs CPython | goal 10x | C vs aot | goal within 2x of C |"
        print "|---|---:|:---:|---:|:---:|"
        split("nbody spectral_norm mandelbrot fannkuch_redux nqueens sieve fib", key, " ")
        for (k = 1; k <= 7; k++) {
            b = key[k]
            if (st[b, m] != "ok" || st[b, "CPython"] != "ok") {
                printf "| %s | %s | **no** | | |\n", b, (st[b, m] ? st[b, m] : "not run"); continue
            }
            sp = secs[b, "CPython"] / secs[b, m]
            c = "C -O2"
            if (st[b, c] == "ok") {
                r = secs[b, m] / secs[b, c]
                printf "| %s | %s | %s | %.1fx slower | %s |\n", b, fmt_x(sp), \
                    (sp >= 10 ? "yes" : "**no**"), r, (r <= 2 ? "yes" : "**no**")
            } else {
                printf "| %s | %s | %s | no C reference | |\n", b, fmt_x(sp), \
                    (sp >= 10 ? "yes" : "**no**")
            }
        }
        slower = ""
        for (i = 1; i <= nb; i++) {
            b = benches[i]
            if (st[b, m] == "ok" && st[b, "trident interp"] == "ok" && \
                secs[b, m] > secs[b, "trident interp"])
                slower = slower (slower ? ", " : "") b
        }
        print ""
        printf "- no benchmark slower in AOT than in the interpreter: %s\n", \
            slower ? "**no** (" slower ")" : "yes"
        print ""
    }
    print "## Per benchmark"
    for (i = 1; i <= nb; i++) {
        b = benches[i]
        print ""
        print "### " b
        print ""
        print "| mode | best (s) | time / CPython | speed-up | max RSS (MB) | status |"
        print "|---|---:|---:|---:|---:|---|"
        for (j = 1; j <= nm; j++) {
            mm = modes[j]
            if (st[b, mm] == "") continue
            if (st[b, mm] == "ok" && st[b, "CPython"] == "ok")
                printf "| %s | %.3f | %.2f | %s | %.1f | ok |\n", mm, secs[b, mm], \
                    secs[b, mm] / secs[b, "CPython"], fmt_x(secs[b, "CPython"] / secs[b, mm]), \
                    rss[b, mm] / 1024
            else if (st[b, mm] == "ok")
                printf "| %s | %.3f | | | %.1f | ok |\n", mm, secs[b, mm], rss[b, mm] / 1024
            else
                printf "| %s | | | | | %s: `%s` |\n", mm, st[b, mm], det[b, mm]
        }
    }
}' "$TSV"
