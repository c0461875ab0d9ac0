using BenchmarkDotNet.Running;
using NewsMirror.Bench.Commands;

// "suite" runs the whole-process measurements (bench/run.sh); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "suite") return await SuiteCommand.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
