// Every test here shares one stack; run them one after another so they never race each other for it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
