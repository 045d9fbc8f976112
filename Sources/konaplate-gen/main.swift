import KonaplateGenCLI

KonaplateGenCommand.main()
