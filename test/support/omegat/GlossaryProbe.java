// Loads an OmegaT project headless, as `--mode=console-translate` does (RealProject.loadProject, Core.setProject),
// and reads a glossary file with OmegaT's own glossary readers, writing one line per entry to <out>: source TAB target TAB comment (tabs/newlines as \t, \n).
// Run: java -cp /usr/share/omegat/OmegaT.jar GlossaryProbe.java <project-folder> <glossary-file> <out>
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.TreeMap;
import org.omegat.core.Core;
import org.omegat.core.data.ProjectProperties;
import org.omegat.core.data.RealProject;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;
import org.omegat.util.ProjectFileStorage;

public class GlossaryProbe {
  static String flat(String s) {
    return s == null ? "" : s.replace("\t", "\\t").replace("\n", "\\n");
  }

  public static void main(String[] args) throws Exception {
    Core.initializeConsole(new TreeMap<String, String>());
    ProjectProperties props = ProjectFileStorage.loadProjectProperties(new File(args[0]));
    RealProject project = new RealProject(props);
    project.loadProject(true);
    Core.setProject(project);
    File file = new File(args[1]);
    List<GlossaryEntry> entries =
        file.getName().endsWith(".tbx") ? GlossaryReaderTBX.read(file, false) : GlossaryReaderTSV.read(file, false);
    StringBuilder out = new StringBuilder();
    for (GlossaryEntry e : entries)
      out.append(flat(e.getSrcText())).append('\t').append(flat(e.getLocText())).append('\t')
          .append(flat(e.getCommentText())).append('\n');
    Files.write(Paths.get(args[2]), out.toString().getBytes(StandardCharsets.UTF_8));
    System.exit(0);
  }
}
