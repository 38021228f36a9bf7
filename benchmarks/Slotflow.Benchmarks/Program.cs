using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Slotflow.Benchmarks.SlotsJsonBenchmarks).Assembly).Run(args);
