from bpdraw.cli import main

raise SystemExit(main())
