package dev.listwire.devstack.stack;

import dev.listwire.devstack.lists.ListModule;
import dev.listwire.testkit.local.LocalResources.ListQueues;

/** A list the devstack runs: its module, its local queues, and how many demo members it was given. */
public record RunningList(ListModule module, ListQueues queues, int demoMembersSeeded) {}
