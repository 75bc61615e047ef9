import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws the portal's app icons once (committed as PNGs): the same shapes as icons/icon.svg. */
public class MakeIcons {
    public static void main(String[] args) throws Exception {
        for (int size : new int[] {192, 512}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double s = size / 512.0;
            g.scale(s, s);
            g.setColor(new Color(0x1f5c99));
            g.fillRect(0, 0, 512, 512);
            g.setColor(Color.WHITE);
            // a house (the home program), inside the maskable safe zone (a circle of 80% of the size)
            Path2D roof = new Path2D.Double();
            roof.moveTo(256, 120); roof.lineTo(388, 236); roof.lineTo(352, 236); roof.lineTo(352, 372);
            roof.lineTo(160, 372); roof.lineTo(160, 236); roof.lineTo(124, 236); roof.closePath();
            g.fill(roof);
            g.setColor(new Color(0x1f5c99));
            // a plus in the house: care
            g.fillRect(238, 240, 36, 100);
            g.fillRect(206, 272, 100, 36);
            g.dispose();
            ImageIO.write(img, "png", new File(args[0] + "/icon-" + size + ".png"));
        }
    }
}
