#if SLOTFLOW_POSTGRES
using System.Text.Json;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.SeveralHumans.FirstAvailableTests;
using static Slotflow.Api.Tests.SeveralHumans.PooledBookingTests;

namespace Slotflow.Api.Tests;

/// <summary>Spec §12's races with the agents split across the two processes on one PostgreSQL database.</summary>
public sealed partial class TwoProcessTests
{
    [Test]
    public async Task FiftyAgentsBookingFromAPoolOfFive_SplitAcrossTwoProcesses_GetOneBookingPerHuman()
    {
        var (one, two) = await OrganizationAsync("growth");
        var pool = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            pool.Add(await HumanAsync(one));
        }

        for (var round = 0; round < Rounds; round++)
        {
            var start = Instant(FirstDay.AddDays(30), 8, 0).AddMinutes(30 * round);
            var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => PostAsync(i % 2 == 0 ? one : two, "/v1/bookings", Pooled(pool, start, 30))));

            var booked = answers.Where(a => a.Status == 201).Select(a => a.Body.GetProperty("human_id").GetString()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(booked, Is.EquivalentTo(pool), $"round {round}: {string.Join(",", answers.Select(a => a.Status))}");
                Assert.That(answers.Count(a => a.Status == 409), Is.EqualTo(45), $"round {round}");
            });
        }

        Assert.That(await OverlappingConfirmedPairsAsync(), Is.Zero);
    }

    [Test]
    public async Task EightAgentsWithOneCandidateList_SplitAcrossTwoProcesses_TakeTheFirstEightCandidates()
    {
        var (one, two) = await OrganizationAsync("growth");
        var (x, y, z) = (await HumanAsync(one), await HumanAsync(one), await HumanAsync(one));

        for (var round = 0; round < Rounds; round++)
        {
            var ten = Instant(FirstDay.AddDays(40 + round), 10, 0);
            var list = Candidates([(x, ten), (y, ten), (z, ten), (x, ten.AddMinutes(30)), (y, ten.AddMinutes(30)), (z, ten.AddMinutes(30)), (x, ten.AddHours(1)), (y, ten.AddHours(1)), (z, ten.AddHours(1))], 30);

            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PostAsync(i % 2 == 0 ? one : two, "/v1/bookings/first-available", list)));

            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(201), $"round {round}");
            Assert.That(answers.Select(a => a.Body.GetProperty("candidate_index").GetInt32()), Is.EquivalentTo(Enumerable.Range(0, 8)), $"round {round}");
        }

        Assert.That(await OverlappingConfirmedPairsAsync(), Is.Zero);
    }

    private static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, WireJson.Body(body));
        return ((int)response.StatusCode, await WireJson.ReadAsync(response));
    }
}
#endif
