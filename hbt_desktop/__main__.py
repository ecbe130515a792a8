from hbt_desktop.cli import main

raise SystemExit(main())
