package io.gil4j.demo.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line the demo cannot run as one line on standard error, in place of picocli's message
 * followed by the whole usage: the command's name, picocli's message (which names the option and, for a
 * wrong value, what is accepted) and, for an unknown argument or a missing command, the commands or options
 * there are. The exit code is the command's {@link CommandLine.Model.CommandSpec#exitCodeOnInvalidInput()}, 2 by default.
 */
public final class OneLineErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String accepted = ex instanceof UnmatchedArgumentException
                        || !command.getSubcommands().isEmpty()
                ? accepted(command)
                : "";
        command.getErr().println(command.getCommandName() + ": " + ex.getMessage() + accepted);
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String accepted(CommandLine command) {
        if (!command.getSubcommands().isEmpty()) {
            return "; commands: " + String.join(", ", command.getSubcommands().keySet());
        }
        return "; options: "
                + command.getCommandSpec().options().stream()
                        .map(OptionSpec::longestName)
                        .collect(Collectors.joining(", "));
    }
}
