#!/bin/sh
# chart.sh -- bench/results.svg (on stdout) from bench/run.sh's results: per benchmark, one
# horizontal bar per mode for its speed-up against CPython, on a log scale centred on 1x
# (CPython): bars to the right are faster. Runs that failed are labelled instead of drawn.
#   chart.sh RESULTS_TSV      (rows: bench, mode, status, seconds, max RSS kB, detail)

awk -F'\t' '
function esc(s) {
    gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
    return s
}
function xof(v) { return X0 + (log(v) / log(10) - lo) / (hi - lo) * W }
function fmt_x(v) { return v >= 10 ? sprintf("%.0fx", v) : sprintf("%.2fx", v) }
{
    b = $1; m = $2
    if (!(b in seenb)) { seenb[b] = 1; benches[++nb] = b }
    st[b, m] = $3; secs[b, m] = $4 + 0
    if (m != "CPython" && !(m in seenm)) { seenm[m] = 1; modes[++nm] = m }
}
END {
    # the decades the speed-ups span, at least 0.1x to 10x
    lo = -1; hi = 1
    for (i = 1; i <= nb; i++)
        for (j = 1; j <= nm; j++) {
            b = benches[i]; m = modes[j]
            if (st[b, m] != "ok" || st[b, "CPython"] != "ok") continue
            l = log(secs[b, "CPython"] / secs[b, m]) / log(10)
            while (l < lo) lo--
            while (l > hi) hi++
        }
    split("#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #7f7f7f", pal, " ")
    X0 = 170; W = 620; BAR = 11; GAP = 2; GROUP = 14; TOP = 70
    gh = nm * (BAR + GAP) + GROUP
    H = TOP + nb * gh + 40; WIDTH = X0 + W + 40
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" ", WIDTH, H
    printf "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n", WIDTH, H
    printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
    printf "<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"bold\">", X0
    printf "Speed-up against CPython 3.11 (log scale; right of 1x is faster)</text>\n"
    # legend
    lx = X0
    for (j = 1; j <= nm; j++) {
        printf "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"%s\"/>", \
            lx, pal[(j - 1) % 8 + 1]
        printf "<text x=\"%d\" y=\"40\">%s</text>\n", lx + 16, esc(modes[j])
        lx += 30 + 7 * length(modes[j])
    }
    # grid: decades, labelled
    for (d = lo; d <= hi; d++) {
        x = xof(10 ^ d)
        printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" " \
            "stroke=\"%s\" stroke-width=\"%s\"/>\n", \
            x, TOP - 8, x, H - 30, d == 0 ? "#000" : "#ccc", d == 0 ? 1.5 : 1
        printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%sx</text>\n", x, H - 15, 10 ^ d
        printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%sx</text>\n", \
            x, TOP - 12, 10 ^ d
    }
    y = TOP
    for (i = 1; i <= nb; i++) {
        b = benches[i]
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" " \
            "dominant-baseline=\"middle\">%s</text>\n", \
            X0 - 8, y + nm * (BAR + GAP) / 2, esc(b)
        for (j = 1; j <= nm; j++) {
            m = modes[j]; yy = y + (j - 1) * (BAR + GAP); c = pal[(j - 1) % 8 + 1]
            x1 = xof(1)
            if (st[b, m] == "") continue
            if (st[b, m] == "ok" && st[b, "CPython"] == "ok") {
                v = secs[b, "CPython"] / secs[b, m]; x2 = xof(v)
                xa = x1 < x2 ? x1 : x2; w = x1 < x2 ? x2 - x1 : x1 - x2
                printf "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">", \
                    xa, yy, (w < 1 ? 1 : w), BAR, c
                printf "<title>%s, %s: %s</title></rect>\n", esc(b), esc(m), fmt_x(v)
                if (v >= 1)
                    printf "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%s</text>\n", \
                        x2 + 3, yy + 9, fmt_x(v)
                else
                    printf "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" " \
                        "text-anchor=\"end\">%s</text>\n", x2 - 3, yy + 9, fmt_x(v)
            } else {
                what = st[b, m] == "ok" ? "no CPython time" : \
                    st[b, m] == "wrong" ? "wrong output" : st[b, m]
                printf "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" fill=\"%s\">%s: %s</text>\n", \
                    x1 + 4, yy + 9, c, esc(m), what
            }
        }
        y += gh
    }
    print "</svg>"
}' "$1"
