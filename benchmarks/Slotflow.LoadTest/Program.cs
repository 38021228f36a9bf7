using System.Globalization;
using Slotflow.Api.Tests.Support;
using Slotflow.LoadTest;

// Usage: dotnet run -c Release --project benchmarks/Slotflow.LoadTest [-- --seconds 15 --clients 32 --warmup 30 --overrides 1000 --postgres]
var seconds = Options.Int(args, "--seconds", 15);
var warmup = TimeSpan.FromSeconds(Options.Int(args, "--warmup", 30));
var clients = Options.Int(args, "--clients", 32);
var overrides = Options.Int(args, "--overrides", 0);
var postgres = args.Contains("--postgres");

await using var service = await ServiceProcess.StartAsync();
var setup = await Workload.PrepareAsync(service, humans: 25);

Console.WriteLine($"Slotflow load test: {clients} concurrent clients, {warmup.TotalSeconds:F0} s warm-up and {seconds} s measured per phase, SQLite, service in its own process at {service.BaseAddress}");
var accepted = await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.BookAsync);
Report.Print("POST /v1/bookings (distinct free slots)", accepted);
var refusedOrdinary = await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.BookTakenOnAnOrdinaryWeekAsync);
Report.Print("POST /v1/bookings (a taken slot on an ordinary week: 409 with alternatives)", refusedOrdinary);
var refused = await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.BookTakenAsync);
Report.Print("POST /v1/bookings (taken slots of calendars booked solid from tomorrow: 409 with alternatives)", refused);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"A refused booking costs {Report.CpuPerRequest(refusedOrdinary) / Report.CpuPerRequest(accepted):F2}x an accepted one in service CPU on an ordinary week, {Report.CpuPerRequest(refused) / Report.CpuPerRequest(accepted):F2}x on a calendar booked solid (target: at most 2x)"));
var heldThenConfirmed = await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.HoldAndConfirmAsync);
Report.Print("POST /v1/holds then POST /v1/holds/{id}/confirm (distinct free slots; one operation)", heldThenConfirmed);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"A hold and its confirm cost {Report.CpuPerRequest(heldThenConfirmed) / Report.CpuPerRequest(accepted):F2}x one accepted booking in service CPU"));
var sqliteSlots = await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.QuerySlotsAsync);
Report.Print("GET /v1/humans/{id}/slots (31 days, Mon-Fri 09-17)", sqliteSlots);
var pool = await PooledSlotsWorkload.PrepareAsync(service);
var pooledSlots = await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), pool.QueryPooledSlotsAsync);
Report.Print($"GET /v1/slots?human_ids= ({PooledSlotsWorkload.Humans} such humans, 31 days)", pooledSlots);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Pooled slot queries of {PooledSlotsWorkload.Humans} humans: {Report.PerSecond(pooledSlots) / Report.PerSecond(sqliteSlots):P1} of the single-human rate (target: at least 1/8, 12.5%)"));

if (overrides > 0)
{
    // The same humans again once each has this many overrides: a ratio to the phases above, same run.
    await setup.AddOverridesAsync(overrides);
    Report.Print($"POST /v1/bookings, each human at {overrides} overrides", await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.BookAsync));
    Report.Print($"GET /v1/humans/{{id}}/slots, each human at {overrides} overrides", await LoadRunner.RunAsync(service, clients, warmup, TimeSpan.FromSeconds(seconds), setup.QuerySlotsAsync));
}

if (postgres)
{
    // The same phases on a throwaway PostgreSQL cluster (as the API tests start it, but durable, as in production),
    // after pgbench's floor on it.
    await service.DisposeAsync();
    PostgresServer.Durable = true;
    var connectionString = PostgresServer.CreateDatabase($"slotflow_load_{Guid.NewGuid():N}");
    try
    {
        var floor = await Pgbench.InsertTransactionsPerSecondAsync(connectionString, clients, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgbench, single-row INSERT transactions, {clients} clients: {floor:F0} tps"));
        await using var onPostgres = await ServiceProcess.StartAsync(connectionString);
        var postgresSetup = await Workload.PrepareAsync(onPostgres, humans: 25);
        var bookings = await LoadRunner.RunAsync(onPostgres, clients, warmup, TimeSpan.FromSeconds(seconds), postgresSetup.BookAsync);
        Report.Print("PostgreSQL: POST /v1/bookings (distinct free slots)", bookings);
        var slots = await LoadRunner.RunAsync(onPostgres, clients, warmup, TimeSpan.FromSeconds(seconds), postgresSetup.QuerySlotsAsync);
        Report.Print("PostgreSQL: GET /v1/humans/{id}/slots (31 days, Mon-Fri 09-17)", slots);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"PostgreSQL ratios: bookings {Report.PerSecond(bookings) / floor:P1} of pgbench; slot queries {Report.PerSecond(slots) / Report.PerSecond(sqliteSlots):P1} of the SQLite phase"));
    }
    finally
    {
        PostgresServer.Stop();
    }
}
