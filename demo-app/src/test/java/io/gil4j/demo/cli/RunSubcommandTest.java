package io.gil4j.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

class RunSubcommandTest {

    private final StringWriter err = new StringWriter();

    @Command(name = "demo", mixinStandardHelpOptions = true)
    static final class Failing implements Subcommand {
        @Spec
        CommandSpec spec;

        RuntimeException failure;
        String usageError;
        int code;

        @Override
        public int run() {
            if (usageError != null) {
                throw new ParameterException(spec.commandLine(), usageError);
            }
            if (failure != null) {
                throw failure;
            }
            return code;
        }
    }

    private int run(Failing command, String... args) {
        return new CommandLine(command)
                .setErr(new PrintWriter(err, true))
                .setExecutionStrategy(new RunSubcommand())
                .setParameterExceptionHandler(new OneLineErrors())
                .execute(args);
    }

    @Test
    void the_exit_code_is_the_commands() {
        Failing command = new Failing();
        command.code = 1;
        assertEquals(1, run(command));
        assertEquals("", err.toString());
    }

    @Test
    void help_is_answered_without_running_the_command() {
        Failing command = new Failing();
        command.failure = new IllegalStateException("ran");
        assertEquals(
                0,
                new CommandLine(command)
                        .setOut(new PrintWriter(new StringWriter()))
                        .setExecutionStrategy(new RunSubcommand())
                        .execute("--help"));
    }

    @Test
    void a_parameter_exception_from_the_command_is_a_usage_error_of_one_line() {
        Failing command = new Failing();
        command.usageError = "options do not fit";
        assertEquals(2, run(command));
        assertEquals("demo: options do not fit" + System.lineSeparator(), err.toString());
    }

    @Test
    void any_other_exception_exits_1_with_its_stack_trace() {
        Failing command = new Failing();
        command.failure = new IllegalStateException("broken");
        assertEquals(1, run(command));
        assertTrue(err.toString().contains("IllegalStateException: broken"), err.toString());
    }
}
