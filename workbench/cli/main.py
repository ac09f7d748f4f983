"""Command line: ``python -m workbench align|score|check|export|admin|worker|batch``.

The arguments and JSON of ``align``, ``score`` and ``check`` are a public interface
(``CLI-CONTRACT.md``): fields may be added, never renamed or dropped.  Exit status 0 on
success (findings are not failures), 2 for bad input with a one-line message on stderr
that names the file and the problem.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from workbench.cli import admin, export, jobs, report
from workbench.cli.files import read_bytes
from workbench.errors import WorkbenchError

EXIT_BAD_INPUT = 2
#: ``check --fail-on SEVERITY``: a finding at or above it was found.
EXIT_FINDINGS = 1


def _add_backend_options(parser: argparse.ArgumentParser) -> None:
    from workbench.align.embedding import BACKENDS, DEFAULT_BACKEND

    parser.add_argument(
        "--backend", choices=sorted(BACKENDS), default=DEFAULT_BACKEND,
        help="embedding backend (default: %(default)s, bundled and offline)",
    )
    parser.add_argument(
        "--model", default=None,
        help="model name or local directory for the backend (default: the backend's own)",
    )


def _backend(args: argparse.Namespace):
    from workbench.align.embedding import get_backend

    return get_backend(args.backend, args.model)


def _read_pair(args: argparse.Namespace):
    """Both documents, with the language check; reading notes go to stderr."""
    from workbench.reading.document import read_path_with_notes
    from workbench.reading.language import check_pair_languages

    source = read_path_with_notes(args.source)
    target = read_path_with_notes(args.target)
    for note in source.notes + target.notes:
        print(f"note: {note}", file=sys.stderr)
    check_pair_languages(source.paragraphs, target.paragraphs, args.source, args.target)
    return list(source.paragraphs), list(target.paragraphs)


def _print_links_table(links, source, target) -> None:
    for link in links:
        src = " ".join(source[i].text for i in link.source)[:50]
        tgt = " ".join(target[i].text for i in link.target)[:50]
        side = f"{list(link.source)!s:>10} -> {list(link.target)!s:<10}"
        print(f"{side} {link.score:5.2f}  {src!r} | {tgt!r}")


def cmd_align(args: argparse.Namespace) -> int:
    from workbench.pipeline import align_document

    source, target = _read_pair(args)
    links = align_document(source, target, _backend(args))
    if args.json:
        json.dump({"links": [link.to_json() for link in links]}, sys.stdout, ensure_ascii=False)
        print()
    else:
        _print_links_table(links, source, target)
    return 0


def read_pairs_tsv(data: bytes, name: str) -> list[tuple[str, str]]:
    """``source<TAB>target`` a line, no header; errors name the file and line."""
    from workbench.reading.document import decode_text

    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise WorkbenchError(
                f"{name}: line {number}: expected one TAB between source and target, "
                f"found {len(parts) - 1}."
            )
        pairs.append((parts[0].strip(), parts[1].strip()))
    return pairs


def cmd_score(args: argparse.Namespace) -> int:
    from workbench.align.fidelity import get_scorer

    pairs = read_pairs_tsv(read_bytes(args.pairs), args.pairs)
    backend = _backend(args)
    scorer = get_scorer(backend.name, backend.model)
    for (src, tgt), fidelity in zip(pairs, scorer.score_pairs(pairs)):
        # as align does: what the checks find on the pair lowers its fidelity
        factor, why = pair_findings_factor(src, tgt)
        score = fidelity.score * factor
        if args.explain:
            reasons = "; ".join([c.explanation for c in fidelity.components if c.explanation] + why)
            print(f"{score:.4f}\t{reasons}")
        else:
            print(f"{score:.4f}")
    return 0


def pair_findings_factor(src: str, tgt: str) -> tuple[float, list[str]]:
    """What the checks (shipped glossaries) leave of one pair's score, and why."""
    from workbench.checks import run_checks
    from workbench.model.link import Link
    from workbench.model.paragraph import Paragraph
    from workbench.pipeline import shipped_glossary
    from workbench.align.fidelity import finding_factor

    findings = run_checks([Paragraph(0, src)], [Paragraph(0, tgt)], [Link((0,), (0,))],
                          shipped_glossary())
    return finding_factor(findings)


def load_glossaries(paths: Sequence[str] | None):
    """The glossaries named on the command line, or the shipped ones."""
    from workbench.glossary.terms import Glossary, load_glossary
    from workbench.pipeline import shipped_glossary

    if not paths:
        return shipped_glossary()
    return Glossary.merge(*(load_glossary(read_bytes(path, "the glossary"), path)
                            for path in paths))


def cmd_check(args: argparse.Namespace) -> int:
    from workbench.pipeline import analyse

    glossary = load_glossaries(args.glossary)
    source, target = _read_pair(args)
    analysis = analyse(source, target, glossary=glossary, backend=_backend(args))
    if args.json:
        json.dump(analysis.to_json(), sys.stdout, ensure_ascii=False)
        print()
    else:
        print(report.render(args.source, args.target, source, target, analysis.links,
                            analysis.findings))
    return EXIT_FINDINGS if report.fails(analysis.findings, args.fail_on) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m workbench",
        description="Review Arabic machine translations of Vietnamese news.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("align", help="align a Vietnamese source with its Arabic translation")
    p.add_argument("source", help="Vietnamese text (.txt, .docx, .html)")
    p.add_argument("target", help="Arabic text (.txt, .docx, .html)")
    p.add_argument("--json", action="store_true", help="print the links as JSON")
    _add_backend_options(p)
    p.set_defaults(func=cmd_align)

    p = sub.add_parser("score", help="fidelity score of each source<TAB>target line")
    p.add_argument("pairs", help="TSV file, one source<TAB>target pair a line, no header")
    p.add_argument("--explain", action="store_true", help="add the score's explanation")
    _add_backend_options(p)
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("check", help="align, then run every check")
    p.add_argument("source")
    p.add_argument("target")
    p.add_argument(
        "--glossary", action="append", metavar="FILE",
        help="glossary CSV or TBX; repeatable (default: the glossaries shipped in glossaries/)",
    )
    p.add_argument("--json", action="store_true", help="print links and findings as JSON")
    p.add_argument(
        "--fail-on", choices=("critical", "major", "minor"), default=None,
        help="exit 1 when a finding of this severity or worse is found (for pipelines)",
    )
    _add_backend_options(p)
    p.set_defaults(func=cmd_check)

    # Editors' and administrators' commands, owned by their modules.
    export.register(sub)
    admin.register(sub)
    jobs.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except WorkbenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
