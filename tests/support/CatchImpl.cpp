// Catch2's implementation, compiled once. The mains (MainCore.cpp, MainGui.cpp) set up the Qt
// application they need and hand over to runCatch().
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int runCatch(int argc, char** argv)
{
    return Catch::Session().run(argc, argv);
}
