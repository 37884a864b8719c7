// Linked with every object of one engine layer and only the libraries that
// layer declares (engine/CMakeLists.txt): if this program links, the layer
// calls nothing it did not declare. It is never run.
int main()
{
    return 0;
}
