using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;
using static Slotflow.Api.Tests.SeveralHumans.FirstAvailableTests;
using static Slotflow.Api.Tests.SeveralHumans.PooledBookingTests;

namespace Slotflow.Api.Tests.SeveralHumans;

/// <summary>
/// Spec §12 under concurrency, over real HTTP: agents booking from one pool at once fill it exactly, one booking per
/// human and never two for one; agents with overlapping first-available lists never get overlapping bookings, and
/// each gets the first candidate still free at its turn.
/// </summary>
public sealed class SeveralHumansRaceTests : ServiceFixture
{
    private const int Rounds = 20;
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero); // 09:00 EST

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [TearDown]
    public Task NoHumanHasOverlappingConfirmedBookings() => Race.AssertNoOverlappingConfirmedBookingsAsync(Factory);

    [Test]
    public async Task FiftyAgentsBookingOneTimeFromAPoolOfFive_GetExactlyFive201_OnePerHuman_AndFortyFive409WithAlternatives()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var pool = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            pool.Add(await HumanSetup.CreateAsync(organization.Client, rules: Rules));
        }

        for (var round = 0; round < Rounds; round++)
        {
            var start = Monday.AddDays(7 * (round / 7)).AddHours(round % 7);
            var answers = await RaceAsync(organization, Enumerable.Repeat(("/v1/bookings", Pooled(pool, start, 30)), 50));

            var booked = answers.Where(a => a.Status == 201).Select(a => a.Body.GetProperty("human_id").GetString()).ToList();
            var refused = answers.Where(a => a.Status == 409).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(booked, Is.EquivalentTo(pool), $"round {round}: one booking per human; {Race.Summary(answers.Select(a => a.Status))} {answers[0].Body}");
                Assert.That(refused, Has.Count.EqualTo(45), $"round {round}: {Race.Summary(answers.Select(a => a.Status))}");
                Assert.That(refused.Select(r => r.Body.GetProperty("error").GetProperty("alternatives").GetArrayLength()), Has.All.EqualTo(3), $"round {round}");
            });
        }
    }

    [Test]
    public async Task EightAgentsWithOneListOfCandidates_EachGetTheFirstStillFree_SoTheyTakeTheFirstEight()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (x, y, z) = (await Human(organization), await Human(organization), await Human(organization));

        for (var round = 0; round < Rounds; round++)
        {
            var ten = Monday.AddDays((7 * (round / 5)) + (round % 5)).AddHours(2); // a weekday of its own, 11:00 EST or EDT
            var list = Candidates([(x, ten), (y, ten), (x, ten.AddMinutes(30)), (z, ten), (y, ten.AddMinutes(30)), (z, ten.AddMinutes(30)), (x, ten.AddMinutes(-30)), (y, ten.AddMinutes(-30)), (z, ten.AddMinutes(-30)), (x, ten.AddHours(-1))], 30);

            var answers = await RaceAsync(organization, Enumerable.Repeat(("/v1/bookings/first-available", list), 8));

            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(201), $"round {round}: {string.Join(" ", answers.Where(a => a.Status != 201).Select(a => a.Body))}");
            Assert.That(answers.Select(a => a.Body.GetProperty("candidate_index").GetInt32()), Is.EquivalentTo(Enumerable.Range(0, 8)), $"round {round}");
        }
    }

    [Test]
    public async Task ThreeAgentsWithOverlappingListsInOtherOrders_GetWhatSomeOrderOfTurnsWouldGiveThem()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (x, y) = (await Human(organization), await Human(organization));

        for (var round = 0; round < Rounds; round++)
        {
            var ten = Monday.AddDays(7 * (round / 6)).AddHours(1 + round % 6);
            List<(string, DateTimeOffset)>[] lists =
            [
                [(x, ten), (y, ten), (x, ten.AddMinutes(30))],
                [(y, ten), (x, ten), (y, ten.AddMinutes(30))],
                [(x, ten), (y, ten), (y, ten.AddMinutes(30))],
            ];

            var answers = await RaceAsync(organization, lists.Select(l => ("/v1/bookings/first-available", Candidates(l, 30))));

            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(201), $"round {round}: {string.Join(" ", answers.Where(a => a.Status != 201).Select(a => a.Body))}");
            var got = answers.Select(a => a.Body.GetProperty("candidate_index").GetInt32()).ToList();
            Assert.That(Turns(3).Any(order => FirstFreeAtEachTurn(lists, order).SequenceEqual(got)), Is.True, $"round {round}: indices {string.Join(",", got)}");
        }
    }

    /// <summary>The candidate index each agent gets when they take turns in <paramref name="order"/> (the lists' times are 30 minutes on one grid, so taken means equal).</summary>
    private static List<int> FirstFreeAtEachTurn(List<(string, DateTimeOffset)>[] lists, IReadOnlyList<int> order)
    {
        var taken = new HashSet<(string, DateTimeOffset)>();
        var got = new int[lists.Length];
        foreach (var agent in order)
        {
            got[agent] = lists[agent].FindIndex(c => !taken.Contains(c));
            taken.Add(lists[agent][got[agent]]);
        }

        return [.. got];
    }

    private static IEnumerable<int[]> Turns(int agents) =>
        agents == 1 ? [[0]] : Turns(agents - 1).SelectMany(order => Enumerable.Range(0, agents).Select(at => order.Take(at).Append(agents - 1).Concat(order.Skip(at)).ToArray()));

    private static Task<string> Human(TestOrganization organization) => HumanSetup.CreateAsync(organization.Client, rules: Rules);

    /// <summary>Sends every POST at once, each on its own connection, and returns each status and body in request order (never a 5xx).</summary>
    private async Task<List<(int Status, JsonElement Body)>> RaceAsync(TestOrganization organization, IEnumerable<(string Path, string Body)> posts)
    {
        var requests = posts.Select(p => (Client: Factory.ClientWith(organization.ApiKey), p.Path, p.Body)).ToList();
        using var gate = new SemaphoreSlim(0);
        var sends = requests.Select(async r =>
        {
            await gate.WaitAsync();
            using var response = await r.Client.PostAsync(r.Path, WireJson.Body(r.Body));
            return ((int)response.StatusCode, await WireJson.ReadAsync(response));
        }).ToList();
        gate.Release(requests.Count);
        var answers = (await Task.WhenAll(sends)).ToList();
        requests.ForEach(r => r.Client.Dispose());
        Assert.That(answers.Select(a => a.Item1), Has.None.GreaterThanOrEqualTo(500));
        return answers;
    }
}
