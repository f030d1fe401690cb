from archive_search.cli import main

main()
