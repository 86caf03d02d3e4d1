"""``python -m site_gen.quotes [--best-effort] [-v]``: compile the quote extractor (``accel``)."""

from site_gen.quotes.accel import main

raise SystemExit(main())
