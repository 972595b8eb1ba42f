"""`python -m fengqiao_desktop` runs the command-line interface."""

from fengqiao_desktop.cli.main import main

if __name__ == "__main__":
    main()
