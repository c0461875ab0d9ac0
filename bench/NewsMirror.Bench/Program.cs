using BenchmarkDotNet.Running;
using NewsMirror.Bench.Commands;
using NewsMirror.Bench.Loopback;
using NewsMirror.Bench.Site;

// "suite" runs the whole-process measurements (bench/run.sh), "hourly" the full-feed first and hourly runs, "serve" only the loopback feeds, "catalog" the catalog's
// life on one archive (import, search, rebuild, runs), "rebuild" a catalog rebuild of an existing archive,
// "text-index" text indexing alone on a generated archive, "site-index" the size of the site's search index, "probes" what probing archived articles costs; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "suite") return await SuiteCommand.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "hourly") return await HourlyCommand.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "serve") return await ServeCommand.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "catalog") return await CatalogBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "rebuild") return RebuildCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "text-index") return TextIndexCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "site-index") return SearchIndexSize.Run(args[1..]);
if (args.Length > 0 && args[0] == "probes") return await ProbeBenchmark.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
