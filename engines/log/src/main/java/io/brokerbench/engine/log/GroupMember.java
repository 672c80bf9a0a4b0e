package io.brokerbench.engine.log;

import java.util.Set;

/**
 * A group member as an {@link Assignor} sees it.
 *
 * @param memberId unique within the group
 * @param topics the topics its subscription currently resolves to
 * @param index a hint the member gave when it joined (e.g. its consumer index), or -1
 */
public record GroupMember(String memberId, Set<String> topics, int index) {
  public GroupMember {
    topics = Set.copyOf(topics);
  }
}
