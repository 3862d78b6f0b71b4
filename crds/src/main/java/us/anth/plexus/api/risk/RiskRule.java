package us.anth.plexus.api.risk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;

/** One risk rule: a pattern over a command's parsed words and the level it assigns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = RiskRule.Reader.class)
public class RiskRule implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription(
      "Pattern over the command's words after shell-style parsing (quotes cannot hide a word):"
          + " words separated by spaces; '*' alone stands for any number of words (none"
          + " included); a '*' inside a word matches any characters of one word. The pattern"
          + " covers the whole command: 'evaluate *' matches commands starting with 'evaluate',"
          + " '* --force *' commands with a '--force' word anywhere, '* --force' ending with it.")
  @Required
  @Size(min = 1, max = 512)
  private String match;

  @JsonPropertyDescription(
      "Level of the commands the pattern matches: ReadOnly, Modify or Destructive.")
  @Required
  private RiskLevel level;

  public RiskRule() {}

  public RiskRule(String match, RiskLevel level) {
    this.match = match;
    this.level = level;
  }

  public String getMatch() {
    return match;
  }

  public void setMatch(String match) {
    this.match = match;
  }

  public RiskLevel getLevel() {
    return level;
  }

  public void setLevel(RiskLevel level) {
    this.level = level;
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a RiskRule field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<RiskRule> {
    public Reader() {
      super(RiskRule.class, RiskRule::new);
    }
  }
}
