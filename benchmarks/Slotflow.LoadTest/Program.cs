using Slotflow.LoadTest;

// Usage: dotnet run -c Release --project benchmarks/Slotflow.LoadTest [-- --seconds 15 --clients 32 --warmup 30 --overrides 1000]
var seconds = Options.Int(args, "--seconds", 15);
var warmup = TimeSpan.FromSeconds(Options.Int(args, "--warmup", 30));
var clients = Options.Int(args, "--clients", 32);
var overrides = Options.Int(args, "--overrides", 0);

await using var service = await ServiceProcess.StartAsync();
var setup = await Workload.PrepareAsync(service, humans: 25);

Console.WriteLine($"Slotflow load test: {clients} concurrent clients, {warmup.TotalSeconds:F0} s warm-up and {seconds} s measured per phase, SQLite, service in its own process at {service.BaseAddress}");
Report.Print("POST /v1/bookings (distinct free slots)", await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.BookAsync));
Report.Print("GET /v1/humans/{id}/slots (31 days, Mon-Fri 09-17)", await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.QuerySlotsAsync));

if (overrides > 0)
{
    // The same humans again once each has this many overrides: a ratio to the phases above, same run.
    await setup.AddOverridesAsync(overrides);
    Report.Print($"POST /v1/bookings, each human at {overrides} overrides", await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.BookAsync));
    Report.Print($"GET /v1/humans/{{id}}/slots, each human at {overrides} overrides", await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.QuerySlotsAsync));
}
