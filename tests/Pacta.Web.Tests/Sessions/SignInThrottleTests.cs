using System.Net;
using Microsoft.Extensions.Time.Testing;
using Pacta.Web.People;

namespace Pacta.Web.Tests.Sessions;

/// <summary>The in-memory limits on signing in, accepting invitations and recovery (no database: plain unit tests).</summary>
public sealed class SignInThrottleTests
{
    private static readonly IPAddress Home = IPAddress.Parse("198.51.100.10");
    private static readonly IPAddress Elsewhere = IPAddress.Parse("198.51.100.11");

    [Fact]
    public void SignIn_AllowsTenAttemptsPerAccountIn15Minutes_ThenSaysWhenToRetry()
    {
        var clock = new FakeTimeProvider();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(throttle.TryAcquire(SignInThrottle.Actions.SignIn, "ana@example.org", Home, out _));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.False(throttle.TryAcquire(SignInThrottle.Actions.SignIn, "ANA@example.org ", Elsewhere, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(5), retryAfter);
        // Another account is not affected, from the same address.
        Assert.True(throttle.TryAcquire(SignInThrottle.Actions.SignIn, "luis@example.org", Home, out _));

        clock.Advance(retryAfter);
        Assert.True(throttle.TryAcquire(SignInThrottle.Actions.SignIn, "ana@example.org", Home, out _));
    }

    [Fact]
    public void SignIn_AllowsThirtyAttemptsPerAddress_WhateverTheAccounts()
    {
        var clock = new FakeTimeProvider();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < 30; i++)
            Assert.True(throttle.TryAcquire(SignInThrottle.Actions.SignIn, $"person{i}@example.org", Home, out _));

        Assert.False(throttle.TryAcquire(SignInThrottle.Actions.SignIn, "new@example.org", Home, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(15), retryAfter);
        Assert.True(throttle.TryAcquire(SignInThrottle.Actions.SignIn, "new@example.org", Elsewhere, out _));
        // Each action has its own windows.
        Assert.True(throttle.TryAcquire(SignInThrottle.Actions.Recovery, "new@example.org", Home, out _));
    }

    [Fact]
    public void ARefusedAttempt_DoesNotCount()
    {
        var clock = new FakeTimeProvider();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < 10; i++) Assert.True(throttle.TryAcquire(SignInThrottle.Actions.Invitation, null, Home, out _));
        for (var i = 0; i < 50; i++) Assert.False(throttle.TryAcquire(SignInThrottle.Actions.Invitation, null, Home, out _));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(throttle.TryAcquire(SignInThrottle.Actions.Invitation, null, Home, out _));
    }

    [Fact]
    public void Recovery_AllowsFivePerAccountPerHour()
    {
        var throttle = new SignInThrottle(new FakeTimeProvider());
        for (var i = 0; i < 5; i++) Assert.True(throttle.TryAcquire(SignInThrottle.Actions.Recovery, "ana@example.org", null, out _));
        Assert.False(throttle.TryAcquire(SignInThrottle.Actions.Recovery, "ana@example.org", null, out var retryAfter));
        Assert.Equal(TimeSpan.FromHours(1), retryAfter);
    }

    [Fact]
    public void IPv6_IsLimitedPer64Prefix()
    {
        var throttle = new SignInThrottle(new FakeTimeProvider());
        for (var i = 0; i < 30; i++)
            Assert.True(throttle.TryAcquire(SignInThrottle.Actions.SignIn, null, IPAddress.Parse($"2001:db8:1:2::{i + 1:x}"), out _));
        Assert.False(throttle.TryAcquire(SignInThrottle.Actions.SignIn, null, IPAddress.Parse("2001:db8:1:2:ffff::1"), out _));
        Assert.True(throttle.TryAcquire(SignInThrottle.Actions.SignIn, null, IPAddress.Parse("2001:db8:1:3::1"), out _));
    }

    [Fact]
    public void TrackedKeys_StayBounded_EndedWindowsGoFirst()
    {
        var clock = new FakeTimeProvider();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.MaxTrackedKeys; i++)
            throttle.TryAcquire(SignInThrottle.Actions.Recovery, $"a{i}", null, out _);
        Assert.Equal(SignInThrottle.MaxTrackedKeys, throttle.TrackedKeys);

        // All live: the tenth that ends soonest is dropped to make room.
        throttle.TryAcquire(SignInThrottle.Actions.Recovery, "one-more", null, out _);
        Assert.True(throttle.TrackedKeys <= SignInThrottle.MaxTrackedKeys);

        // All ended: they all go at the next new key.
        clock.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < SignInThrottle.MaxTrackedKeys; i++)
            throttle.TryAcquire(SignInThrottle.Actions.SignIn, $"b{i}", null, out _);
        Assert.True(throttle.TrackedKeys <= SignInThrottle.MaxTrackedKeys);
        Assert.True(throttle.TryAcquire(SignInThrottle.Actions.SignIn, "b0", null, out _));
    }

    [Fact]
    public void AnUnknownAction_IsAProgrammingError()
    {
        var throttle = new SignInThrottle(new FakeTimeProvider());
        Assert.Throws<ArgumentException>(() => throttle.TryAcquire("reset-everything", "a", Home, out _));
    }
}
