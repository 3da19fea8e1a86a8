from samples.reference.make_reference import main

main()
