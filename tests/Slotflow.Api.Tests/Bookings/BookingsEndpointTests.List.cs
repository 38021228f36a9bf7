using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>GET /v1/bookings.</summary>
public sealed partial class BookingsEndpointTests
{
    [Test]
    public async Task List_WithoutBookings_ReturnsTheEmptyEnvelopeWithDefaults()
    {
        var response = await _organization.Client.GetAsync("/v1/bookings");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "bookings", "total", "limit", "offset" }));
            Assert.That(list.GetProperty("bookings").GetArrayLength(), Is.Zero);
            Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(list.GetProperty("limit").GetInt32(), Is.EqualTo(50));
            Assert.That(list.GetProperty("offset").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task List_ReturnsFullBookingsNewestStartFirst_WhateverTheCreationOrder()
    {
        var bookings = await CreateFourBookingsAsync();

        var list = await ListAsync(string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(list), Is.EqualTo(Expected(bookings, "DCBA")));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(list.GetProperty("bookings").EnumerateArray().Select(WireJson.PropertyNames), Has.All.EqualTo(BookingFields));
            Assert.That(list.GetProperty("bookings")[0].GetRawText(), Is.EqualTo(bookings['D'].GetRawText()));
        });
    }

    [TestCase("date_from=2026-03-17&date_to=2026-03-17", "B", TestName = "List_WithOneUtcDateAsBothBounds_ReturnsThatWholeUtcDay")]
    [TestCase("date_from=2026-03-18", "DC", TestName = "List_WithDateFrom_CountsTheUtcDateNotTheHumansLocalDate")]
    [TestCase("date_to=2026-03-17", "BA", TestName = "List_WithDateTo_IncludesItsWholeUtcDayAndNoMore")]
    [TestCase("date_to=2026-03-15", "", TestName = "List_WithDateToBeforeEveryBooking_ReturnsNone")]
    [TestCase("date_from=2026-03-17T20:30:00Z&date_to=2026-03-18T00:30:00Z", "CB", TestName = "List_WithInstantBounds_IncludesBookingsStartingExactlyOnEither")]
    [TestCase("date_from=2026-03-17T20:31:00Z", "DC", TestName = "List_WithInstantDateFromAfterAStart_LeavesItOut")]
    [TestCase("date_to=2026-03-18T00:29:00Z", "BA", TestName = "List_WithInstantDateToBeforeAStart_LeavesItOut")]
    [TestCase("date_from=2026-03-17T16:30:00-04:00", "DCB", TestName = "List_WithInstantWithNegativeOffset_IsReadAsThatInstant")]
    [TestCase("date_to=2026-03-17T20:30:00%2B00:00", "BA", TestName = "List_WithInstantWithPlusOffset_IsReadAsThatInstant")]
    [TestCase("date_from=2026-03-17T09:00:00%2B09:00&date_to=2026-03-17", "B", TestName = "List_WithMixedInstantAndDateBounds_CombinesThem")]
    public async Task List_FilteredByDates_ReturnsTheMatchingBookings(string query, string expected)
    {
        var bookings = await CreateFourBookingsAsync();

        var list = await ListAsync(query);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(list), Is.EqualTo(Expected(bookings, expected)));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(expected.Length));
        });
    }

    [Test]
    public async Task List_FilteredByHumanId_ReturnsOnlyThatHumansBookings()
    {
        var bookings = await CreateFourBookingsAsync();
        var other = await HumanSetup.CreateAsync(_organization.Client, rules: Rules);
        var othersBooking = await BookAsync(At(Monday, "10:00"), humanId: other);

        var mine = await ListAsync($"human_id={_humanId}");
        var theirs = await ListAsync($"human_id={other}");
        var nobody = await ListAsync($"human_id={Guid.NewGuid()}");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(mine), Is.EqualTo(Expected(bookings, "DCBA")));
            Assert.That(Ids(theirs), Is.EqualTo(new[] { othersBooking.GetProperty("id").GetString() }));
            Assert.That(theirs.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(nobody.GetProperty("total").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task List_FilteredByStatus_SeparatesConfirmedFromCancelled()
    {
        var bookings = await CreateFourBookingsAsync();
        await CancelAsync(bookings['B']);

        var cancelled = await ListAsync("status=cancelled");
        var confirmed = await ListAsync("status=confirmed");
        var all = await ListAsync(string.Empty);
        var combined = await ListAsync($"status=cancelled&human_id={_humanId}&date_from=2026-03-17&date_to=2026-03-17");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(cancelled), Is.EqualTo(Expected(bookings, "B")));
            Assert.That(cancelled.GetProperty("bookings")[0].GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(Ids(confirmed), Is.EqualTo(Expected(bookings, "DCA")));
            Assert.That(confirmed.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(Ids(all), Is.EqualTo(Expected(bookings, "DCBA")));
            Assert.That(Ids(combined), Is.EqualTo(Expected(bookings, "B")));
        });
    }

    [TestCase("limit=2", "DC", 2, 0, TestName = "List_WithLimit2_ReturnsTheTwoNewestAndTheTotalOfAll")]
    [TestCase("limit=2&offset=2", "BA", 2, 2, TestName = "List_WithLimit2Offset2_ReturnsTheNextPage")]
    [TestCase("limit=2&offset=3", "A", 2, 3, TestName = "List_WithOffsetIntoTheLastPage_ReturnsWhatIsLeft")]
    [TestCase("offset=1", "CBA", 50, 1, TestName = "List_WithOffsetOnly_UsesTheDefaultLimit")]
    [TestCase("offset=10", "", 50, 10, TestName = "List_WithOffsetPastTheEnd_ReturnsNoneButTheTotal")]
    [TestCase("limit=100", "DCBA", 100, 0, TestName = "List_WithLimit100_IsAllowed")]
    [TestCase("limit=1&status=confirmed&date_from=2026-03-17", "D", 1, 0, TestName = "List_PagingWithFilters_CountsOnlyMatchesInTotal")]
    public async Task List_Paged_ReturnsThePageAndEchoesLimitAndOffset(string query, string expected, int limit, int offset)
    {
        var bookings = await CreateFourBookingsAsync();

        var list = await ListAsync(query);

        var expectedTotal = query.Contains("date_from", StringComparison.Ordinal) ? 3 : 4;
        Assert.Multiple(() =>
        {
            Assert.That(Ids(list), Is.EqualTo(Expected(bookings, expected)));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(expectedTotal));
            Assert.That(list.GetProperty("limit").GetInt32(), Is.EqualTo(limit));
            Assert.That(list.GetProperty("offset").GetInt32(), Is.EqualTo(offset));
        });
    }

    [Test]
    public async Task List_WithoutLimit_ReturnsAtMost50_AndTheNextPageHasTheRest()
    {
        var starts = new List<string>();
        foreach (var date in new[] { Monday, Tuesday, Wednesday, "2026-03-19" })
        {
            for (var minutes = 9 * 60; minutes < 17 * 60 && starts.Count < 51; minutes += 30)
            {
                starts.Add(At(date, $"{minutes / 60:00}:{minutes % 60:00}"));
            }
        }

        foreach (var start in starts)
        {
            await BookAsync(start);
        }

        var first = await ListAsync(string.Empty);
        var rest = await ListAsync("offset=50");

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("bookings").GetArrayLength(), Is.EqualTo(50));
            Assert.That(first.GetProperty("total").GetInt32(), Is.EqualTo(51));
            Assert.That(first.GetProperty("limit").GetInt32(), Is.EqualTo(50));
            Assert.That(rest.GetProperty("bookings").GetArrayLength(), Is.EqualTo(1));
            Assert.That(rest.GetProperty("bookings")[0].GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T13:00:00.000Z"));
            Assert.That(
                first.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("starts_at").GetString()),
                Is.Ordered.Descending);
        });
    }

    [TestCase("status=pending", "status")]
    [TestCase("status=CONFIRMED", "status")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("limit=-1", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("limit=1.5", "limit")]
    [TestCase("limit=99999999999", "limit")]
    [TestCase("offset=-1", "offset")]
    [TestCase("offset=abc", "offset")]
    [TestCase("human_id=x", "human_id")]
    [TestCase("human_id=12345", "human_id")]
    [TestCase("date_from=2026-13-01", "date_from")]
    [TestCase("date_from=2026-02-30", "date_from")]
    [TestCase("date_from=yesterday", "date_from")]
    [TestCase("date_to=2026-03-16T10:00:00", "date_to")]
    [TestCase("date_to=16/03/2026", "date_to")]
    public async Task List_WithBadParameter_Returns422NamingTheParameter(string query, string parameter)
    {
        var response = await _organization.Client.GetAsync($"/v1/bookings?{query}");

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(parameter));
    }

    /// <summary>A well-formed instant at the end of the calendar is a client's input: 200 or 422, never a 500.</summary>
    [Test]
    public async Task List_WithDateToAtTheLargestInstant_AnswersWithoutAServerError()
    {
        await BookAsync(At(Monday, "10:00"));

        var response = await _organization.Client.GetAsync("/v1/bookings?date_to=9999-12-31T23:59:59.9999999Z");

        Assert.That((int)response.StatusCode, Is.AnyOf(200, 422), await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.That((await WireJson.ReadAsync(response)).GetProperty("total").GetInt32(), Is.EqualTo(1));
        }
        else
        {
            await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        }
    }

    [Test]
    public async Task List_ShowsOnlyTheCallersOrganizationsBookings()
    {
        var mine = await BookAsync(At(Monday, "10:00"));
        var other = await Factory.CreateOrganizationAsync();
        var foreignHuman = await HumanSetup.CreateAsync(other.Client, rules: Rules);
        var theirs = await BookAsync(At(Monday, "10:00"), humanId: foreignHuman, client: other.Client);

        var myList = await ListAsync(string.Empty);
        var theirList = await ListAsync(string.Empty, other.Client);
        var peeking = await ListAsync($"human_id={foreignHuman}");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(myList), Is.EqualTo(new[] { mine.GetProperty("id").GetString() }));
            Assert.That(myList.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(Ids(theirList), Is.EqualTo(new[] { theirs.GetProperty("id").GetString() }));
            Assert.That(peeking.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(peeking.GetProperty("bookings").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task List_KeepsBookingsOfADeletedHuman()
    {
        var booking = await BookAsync(At(Monday, "10:00"));
        Assert.That((await _organization.Client.DeleteAsync($"/v1/humans/{_humanId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var list = await ListAsync($"human_id={_humanId}");

        Assert.That(Ids(list), Is.EqualTo(new[] { booking.GetProperty("id").GetString() }));
    }
}
