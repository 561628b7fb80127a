from chilinh_cli.entry import run

run()
