import CommandSupport
import Testing

/// The man page rendered from a command tree in ArgumentParser's dump format.
@Suite struct ManualPageTests {
    static let dump = """
        {"serializationVersion":0,"command":{"commandName":"tool","abstract":"Does things.","discussion":"Long text.\\n\\n.Second paragraph.",
         "subcommands":[
          {"commandName":"claim","abstract":"Claims.","subcommands":[
            {"commandName":"show","abstract":"Show a claim.","arguments":[
              {"kind":"positional","valueName":"claim","abstract":"Claim id.","isOptional":false,"isRepeating":false,"shouldDisplay":true,"parsingStrategy":"default"},
              {"kind":"option","names":[{"kind":"long","name":"store"}],"valueName":"store","abstract":"The store file.","isOptional":true,"isRepeating":false,"shouldDisplay":true,"parsingStrategy":"default"},
              {"kind":"flag","names":[{"kind":"long","name":"json"}],"abstract":"JSON.","isOptional":true,"isRepeating":false,"shouldDisplay":true,"parsingStrategy":"default"},
              {"kind":"flag","names":[{"kind":"long","name":"secret"}],"abstract":"Hidden.","isOptional":true,"isRepeating":false,"shouldDisplay":false,"parsingStrategy":"default"}
            ]},
            {"commandName":"secret-cmd","shouldDisplay":false}
          ]},
          {"commandName":"dx-list","abstract":"Lists -- with dashes.","arguments":[
              {"kind":"option","names":[{"kind":"short","name":"o"},{"kind":"long","name":"output"}],"valueName":"file","abstract":"Where.","isOptional":true,"isRepeating":true,"shouldDisplay":true,"parsingStrategy":"default","defaultValue":"out.txt"}
          ]},
          {"commandName":"help","abstract":"Show help."}
        ]}}
        """

    @Test func everyVisibleCommandAndArgumentIsDocumented() throws {
        let tree = try CommandReference.decode(dumpHelp: Self.dump)
        #expect(tree.visibleCommands.map { $0.path.joined(separator: " ") } == ["tool claim", "tool claim show", "tool dx-list"])
        let page = ManualPage(root: tree, version: "1.2.3", environment: [("TOOL_STORE", "The store.")]).rendered()
        #expect(page.hasPrefix(".TH TOOL 1 \"\" \"tool 1.2.3\" \"ClinicSync Manual\"\n.SH NAME\ntool \\- Does things.\n"))
        #expect(page.contains(".SS \"tool claim show\"\n.PP\nShow a claim.\n.PP\n\\fBtool claim show\\fR \\fIclaim\\fR [\\fB\\-\\-store\\fR \\fIstore\\fR] [\\fB\\-\\-json\\fR]\n"))
        #expect(page.contains(".TP\n\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIfile\\fR\nWhere. (default: out.txt)\n"))
        #expect(page.contains("Subcommands: \\fBshow\\fR."))
        #expect(page.contains("Lists \\-\\- with dashes."))
        #expect(page.contains(".PP\n\\&.Second paragraph."), "a line starting with a dot is not a request")
        #expect(!page.contains("secret") && !page.contains("tool help"))
        #expect(page.contains(".SH EXIT STATUS\n.TP\n.B 0\nsuccess\n") && page.contains(".B 4\n"))
        #expect(page.contains(".SH ENVIRONMENT\n.TP\n.B TOOL_STORE\nThe store.\n"))
    }
}
