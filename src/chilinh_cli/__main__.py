from chilinh_cli.cli import main

main()
