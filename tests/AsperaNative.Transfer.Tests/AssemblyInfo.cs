// the stand-in ascp is controlled through environment variables, which are process-wide
[assembly: CollectionBehavior(DisableTestParallelization = true)]
