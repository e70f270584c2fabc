"""``python -m newsclean PAGE``: clean one page and print it (markdown by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import newsclean


def main(argv: list[str] | None = None) -> int:
    """Clean one file (or standard input, ``-``) and print the article; exit 1 with the reason if it fails."""
    parser = argparse.ArgumentParser(prog="python -m newsclean", description=__doc__)
    parser.add_argument("page", help="an HTML, pandoc markdown or text file, or - for standard input")
    parser.add_argument("--format", choices=("markdown", "text", "json"), default="markdown")
    parser.add_argument("--url", help="the page's URL (picks the site profile, fills Article.url)")
    parser.add_argument("--form", choices=[f.value for f in newsclean.Form], help="force the input form")
    args = parser.parse_args(argv)
    try:
        markup = sys.stdin.buffer.read() if args.page == "-" else Path(args.page).read_bytes()
        article = newsclean.clean(markup, url=args.url, form=args.form)
    except OSError as exc:
        print(f"newsclean: cannot read {args.page}: {exc.strerror}", file=sys.stderr)
        return 2
    except newsclean.NewscleanError as exc:
        print(f"newsclean: {args.page}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    output = {"markdown": article.to_markdown, "text": lambda: article.text + "\n",
              "json": lambda: article.to_json(indent=2) + "\n"}[args.format]()
    sys.stdout.write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
