using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Rest.Xml;

namespace AsperaNative.Rest.Tests.Xml;

/// <summary>
/// xml-simple's data of the documents ascli reads: the expected values are what the framework-based readers
/// gave before our own reader replaced them (Faspex 4 feeds, XRDS, COS and Orchestrator answers), then the
/// xml-simple rules both callers now share.
/// </summary>
public class XmlSimpleTests
{
    // Faspex 4's reading (plugin faspex, Faspex4Xml): blank text dropped, element keys as written
    private static readonly XmlSimpleRules FeedLists = Faspex(static n => n is "entry" or "field" or "link" or "to");

    private static XmlSimpleRules Faspex(Func<string, bool> forceArray) => new(forceArray) { KeepBlankText = false, PrefixedElementNames = true };

    private static void Same(string expectedJson, JsonNode actual) => Assert.Equal(JsonNode.Parse(expectedJson)!.ToJsonString(), actual.ToJsonString());

    // a mailbox feed as Faspex 4 sends it (the emulator's layout: indented, ATOM as default namespace)
    private const string Feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Inbox</title>
          <link rel="self" href="https://f4/aspera/faspex/inbox.atom" />
          <link rel="next" href="https://f4/aspera/faspex/inbox.atom?page=2" />
          <updated>2024-05-06T10:00:00Z</updated>
          <entry>
            <title>Legal docs &amp; more</title>
            <id>urn:uuid:00000006-aaaa-bbbb-cccc-000000000000</id>
            <published>2024-05-06T10:00:00Z</published>
            <author>
              <name>Ann Smith</name>
              <email>asmith@example.com</email>
            </author>
            <summary>note 6</summary>
            <link rel="package" href="faspe://127.0.0.1/pkg6?token=abc&amp;x=1" />
            <link rel="enclosure" href="faspe://f6_0" length="12" title="a.txt" />
            <to>
              <name>Legal</name>
              <email>Legal@example.com</email>
              <recipient_delivery_id>3106</recipient_delivery_id>
            </to>
            <metadata>
              <field name="_note">note 6</field>
              <field name="Project">P6</field>
              <field name="Empty"></field>
            </metadata>
            <delivery_id>3106</delivery_id>
          </entry>
          <entry>
            <title>Second</title>
            <to><name>Bob</name></to>
            <metadata><field name="_note"/></metadata>
          </entry>
        </feed>
        """;

    private const string Xrds = """
        <?xml version="1.0" encoding="UTF-8"?>
        <XRDS>
          <XRD>
            <Service>
              <Type>password</Type>
              <URI>/aspera/faspex/login</URI>
            </Service>
            <Service>
              <Type>saml</Type>
              <URI>/aspera/faspex/saml/login</URI>
            </Service>
          </XRD>
        </XRDS>
        """;

    // Orchestrator's Rails XML form (api/processes_status.xml)
    private const string Processes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <processes>
          <process>
            <id>1</id>
            <name>workflow_manager</name>
            <status>running</status>
            <parent nil="true" />
          </process>
          <process>
            <id>2</id>
            <name>monitor</name>
            <status>stopped</status>
            <ratio>1.5</ratio>
          </process>
        </processes>
        """;

    // a workflow export: attributes, empty elements, an element holding only blanks
    private const string Workflow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <workflow portable_id="wf-abc" revision="4"><name>Transcode &amp; ship</name><description></description><inputs><input name="Target" type="string">/archive</input></inputs><steps><step id="1"/><step id="2">  </step></steps></workflow>
        """;

    private const string CosConnection = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <FASPConnectionInfo xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><AccessKey><Id>AK&lt;1&gt;</Id><Secret>S3cr&amp;t</Secret></AccessKey><ATSEndpoint>https://ats-sl-dal.aspera.io:443</ATSEndpoint></FASPConnectionInfo>
        """;

    private const string CosLocation = """
        <?xml version="1.0" encoding="UTF-8"?>
        <LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">us-south-standard</LocationConstraint>
        """;

    [Fact]
    public void A_Faspex_4_feed_has_its_forced_lists()
    {
        Same("""{"xmlns":"http://www.w3.org/2005/Atom","title":"Inbox","link":[{"rel":"self","href":"https://f4/aspera/faspex/inbox.atom"},{"rel":"next","href":"https://f4/aspera/faspex/inbox.atom?page=2"}],"updated":"2024-05-06T10:00:00Z","entry":[{"title":"Legal docs & more","id":"urn:uuid:00000006-aaaa-bbbb-cccc-000000000000","published":"2024-05-06T10:00:00Z","author":{"name":"Ann Smith","email":"asmith@example.com"},"summary":"note 6","link":[{"rel":"package","href":"faspe://127.0.0.1/pkg6?token=abc&x=1"},{"rel":"enclosure","href":"faspe://f6_0","length":"12","title":"a.txt"}],"to":[{"name":"Legal","email":"Legal@example.com","recipient_delivery_id":"3106"}],"metadata":{"field":[{"name":"_note","content":"note 6"},{"name":"Project","content":"P6"},{"name":"Empty"}]},"delivery_id":"3106"},{"title":"Second","to":[{"name":"Bob"}],"metadata":{"field":[{"name":"_note"}]}}]}""",
            XmlSimple.Parse(Feed, FeedLists));
    }

    [Fact]
    public void A_feed_with_every_element_forced_or_none()
    {
        Same("""{"xmlns":"http://www.w3.org/2005/Atom","title":["Inbox"],"link":[{"rel":"self","href":"https://f4/aspera/faspex/inbox.atom"},{"rel":"next","href":"https://f4/aspera/faspex/inbox.atom?page=2"}],"updated":["2024-05-06T10:00:00Z"],"entry":[{"title":["Legal docs & more"],"id":["urn:uuid:00000006-aaaa-bbbb-cccc-000000000000"],"published":["2024-05-06T10:00:00Z"],"author":[{"name":["Ann Smith"],"email":["asmith@example.com"]}],"summary":["note 6"],"link":[{"rel":"package","href":"faspe://127.0.0.1/pkg6?token=abc&x=1"},{"rel":"enclosure","href":"faspe://f6_0","length":"12","title":"a.txt"}],"to":[{"name":["Legal"],"email":["Legal@example.com"],"recipient_delivery_id":["3106"]}],"metadata":[{"field":[{"name":"_note","content":"note 6"},{"name":"Project","content":"P6"},{"name":"Empty"}]}],"delivery_id":["3106"]},{"title":["Second"],"to":[{"name":["Bob"]}],"metadata":[{"field":[{"name":"_note"}]}]}]}""",
            XmlSimple.Parse(Feed, Faspex(XmlSimpleRules.All)));
        string none = """{"xmlns":"http://www.w3.org/2005/Atom","title":"Inbox","link":[{"rel":"self","href":"https://f4/aspera/faspex/inbox.atom"},{"rel":"next","href":"https://f4/aspera/faspex/inbox.atom?page=2"}],"updated":"2024-05-06T10:00:00Z","entry":[{"title":"Legal docs & more","id":"urn:uuid:00000006-aaaa-bbbb-cccc-000000000000","published":"2024-05-06T10:00:00Z","author":{"name":"Ann Smith","email":"asmith@example.com"},"summary":"note 6","link":[{"rel":"package","href":"faspe://127.0.0.1/pkg6?token=abc&x=1"},{"rel":"enclosure","href":"faspe://f6_0","length":"12","title":"a.txt"}],"to":{"name":"Legal","email":"Legal@example.com","recipient_delivery_id":"3106"},"metadata":{"field":[{"name":"_note","content":"note 6"},{"name":"Project","content":"P6"},{"name":"Empty"}]},"delivery_id":"3106"},{"title":"Second","to":{"name":"Bob"},"metadata":{"field":{"name":"_note"}}}]}""";
        Same(none, XmlSimple.Parse(Feed, Faspex(XmlSimpleRules.None)));
        // the blanks between elements are no content: the REXML-like reading gives the same data
        Same(none, XmlSimple.Parse(Feed, forceArray: false));
    }

    [Fact]
    public void Faspex_4_login_methods()
    {
        Same("""{"XRD":{"Service":[{"Type":"password","URI":"/aspera/faspex/login"},{"Type":"saml","URI":"/aspera/faspex/saml/login"}]}}""",
            XmlSimple.Parse(Xrds, Faspex(XmlSimpleRules.None)));
    }

    [Fact]
    public void Cos_connection_information_and_location()
    {
        Same("""{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/","AccessKey":{"Id":"AK<1>","Secret":"S3cr&t"},"ATSEndpoint":"https://ats-sl-dal.aspera.io:443"}""",
            XmlSimple.Parse(CosConnection, forceArray: false));
        Same("""{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/","content":"us-south-standard"}""", XmlSimple.Parse(CosLocation, forceArray: false));
    }

    [Fact]
    public void Orchestrator_answers_with_and_without_forced_arrays()
    {
        Same("""{"process":[{"id":"1","name":"workflow_manager","status":"running","parent":{"nil":"true"}},{"id":"2","name":"monitor","status":"stopped","ratio":"1.5"}]}""",
            XmlSimple.Parse(Processes, forceArray: false));
        Same("""{"process":[{"id":["1"],"name":["workflow_manager"],"status":["running"],"parent":[{"nil":"true"}]},{"id":["2"],"name":["monitor"],"status":["stopped"],"ratio":["1.5"]}]}""",
            XmlSimple.Parse(Processes, forceArray: true));
    }

    [Fact]
    public void Blank_text_beside_attributes_is_content_unless_the_caller_drops_blanks()
    {
        Same("""{"portable_id":"wf-abc","revision":"4","name":["Transcode & ship"],"description":[{}],"inputs":[{"input":[{"name":"Target","type":"string","content":"/archive"}]}],"steps":[{"step":[{"id":"1"},{"id":"2","content":"  "}]}]}""",
            XmlSimple.Parse(Workflow, forceArray: true));
        Same("""{"portable_id":"wf-abc","revision":"4","name":"Transcode & ship","description":{},"inputs":{"input":{"name":"Target","type":"string","content":"/archive"}},"steps":{"step":[{"id":"1"},{"id":"2"}]}}""",
            XmlSimple.Parse(Workflow, Faspex(XmlSimpleRules.None)));
    }

    [Fact]
    public void A_root_holding_only_text_is_that_text()
    {
        Assert.Equal("text only", XmlSimple.Parse("<root>text only</root>", forceArray: true).GetValue<string>());
        Same("{}", XmlSimple.Parse("<root>  </root>", forceArray: false));
    }

    [Fact]
    public void A_repeated_key_becomes_a_list_in_its_first_place()
    {
        Same("""{"x":["1","3"],"y":"2"}""", XmlSimple.Parse("<r><x>1</x><y>2</y><x>3</x></r>", forceArray: false));
        // an attribute and a child element of one name are merged too
        Same("""{"a":["1","child"],"b":"2"}""", XmlSimple.Parse("""<r a="1" b="2"><a>child</a></r>""", forceArray: false));
    }

    [Fact]
    public void Content_is_never_forced_to_a_list()
    {
        Same("""{"k":"v","content":"text","x":[{}]}""", XmlSimple.Parse("""<r k="v"><content>text</content><x/></r>""", forceArray: true));
        Same("""{"e":[{"k":"v","content":"text"}]}""", XmlSimple.Parse("""<r><e k="v">text</e></r>""", forceArray: true));
    }

    [Fact]
    public void Mixed_content_keeps_its_texts_as_a_list()
    {
        Same("""{"b":"bold","content":["before "," after"]}""", XmlSimple.Parse("<r>before <b>bold</b> after</r>", forceArray: false));
        Same("""{"b":{},"content":"only"}""", XmlSimple.Parse("<r><b/>only</r>", Faspex(XmlSimpleRules.None)));
        Same("""{"b":{},"content":["\n  ","x"]}""", XmlSimple.Parse("<r>\n  <b/>x</r>", forceArray: false));
        Same("""{"b":{},"content":"x"}""", XmlSimple.Parse("<r>\n  <b/>x</r>", Faspex(XmlSimpleRules.None)));
    }

    [Fact]
    public void Cdata_and_references_are_text()
    {
        Same("""{"c":"<not> & markup","r":"<>&'\"AB"}""", XmlSimple.Parse("<r><c><![CDATA[<not> & markup]]></c><r>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;</r></r>", forceArray: false));
        // blank CDATA beside attributes: content when blanks are kept, none when dropped
        Same("""{"c":{"k":"1","content":"  "}}""", XmlSimple.Parse("""<r><c k="1"><![CDATA[  ]]></c></r>""", forceArray: false));
        Same("""{"c":{"k":"1"}}""", XmlSimple.Parse("""<r><c k="1"><![CDATA[  ]]></c></r>""", Faspex(XmlSimpleRules.None)));
    }

    [Fact]
    public void Prefixed_element_keys_are_kept_or_reduced_to_local_names_and_attributes_keep_theirs()
    {
        const string xml = """<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:f="urn:f"><a:entry f:id="7"><f:delivery_id>7</f:delivery_id></a:entry></a:feed>""";
        Same("""{"xmlns:a":"http://www.w3.org/2005/Atom","xmlns:f":"urn:f","a:entry":{"f:id":"7","f:delivery_id":"7"}}""", XmlSimple.Parse(xml, FeedLists));
        Same("""{"xmlns:a":"http://www.w3.org/2005/Atom","xmlns:f":"urn:f","a:entry":[{"f:id":"7","f:delivery_id":["7"]}]}""", XmlSimple.Parse(xml, Faspex(XmlSimpleRules.All)));
        Same("""{"xmlns:a":"http://www.w3.org/2005/Atom","xmlns:f":"urn:f","entry":{"f:id":"7","delivery_id":"7"}}""", XmlSimple.Parse(xml, forceArray: false));
    }

    [Fact]
    public void An_ill_formed_answer_is_a_REXML_parse_error()
    {
        var error = Assert.Throws<CliException>(() => XmlSimple.Parse("<feed><entry></feed>", FeedLists));
        Assert.Equal("Other(REXML::ParseException)", error.Kind);
        Assert.Equal("mismatched tag: </feed> closes <entry> (line 1, column 14)", error.Message);
    }
}
