from chilinh_cli.cli.entry import run

run()
