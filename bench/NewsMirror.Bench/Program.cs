using BenchmarkDotNet.Running;
using NewsMirror.Bench.Catalog;

// "catalog" runs the catalog's end-to-end measurements (a generated archive, real processes); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "catalog") return CatalogBenchmark.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
